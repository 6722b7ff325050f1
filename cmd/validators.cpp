#include "validators.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>

namespace shopkeep::cmd {

namespace {

// The value as a finite double, or nullopt (so nan, inf and 1e400 are refused alike).
std::optional<double> finite(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

CLI::Validator number_where(const std::string& description, std::function<bool(double)> ok) {
  return CLI::Validator(
      [description, ok](std::string& value) -> std::string {
        auto v = finite(value);
        if (v && ok(*v)) return {};
        return "'" + value + "' is not " + description;
      },
      description);
}

}  // namespace

CLI::Validator positive_number() {
  return number_where("a positive number", [](double v) { return v > 0; });
}

CLI::Validator positive_number_at_most(double high) {
  return number_where(fmt::format("a number > 0 and at most {}", high),
                      [high](double v) { return v > 0 && v <= high; });
}

CLI::Validator fraction() {
  return number_where("a fraction > 0 and at most 1", [](double v) { return v > 0 && v <= 1; });
}

CLI::Validator non_negative_number() {
  return number_where("a number >= 0", [](double v) { return v >= 0; });
}

CLI::Validator number_between(double low, double high) {
  return number_where(fmt::format("a number from {} to {}", low, high),
                      [low, high](double v) { return low <= v && v <= high; });
}

CLI::Validator whole_number_at_least(long long low) {
  std::string description = fmt::format("a whole number >= {}", low);
  return CLI::Validator(
      [description, low](std::string& value) -> std::string {
        long long n = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc() && end == value.data() + value.size() && n >= low) return {};
        return "'" + value + "' is not " + description;
      },
      description);
}

CLI::Validator one_of(const std::vector<std::string>& names) {
  std::string list = fmt::format("{}", fmt::join(names, ", "));
  return CLI::Validator(
      [names, list](std::string& value) -> std::string {
        for (const auto& n : names)
          if (value == n) return {};
        return "'" + value + "' is not one of " + list;
      },
      "one of " + list, "one_of");
}

}  // namespace shopkeep::cmd
