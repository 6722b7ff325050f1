#include "report/people_numbers.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/money.hpp"

namespace shopkeep::report {

namespace {

// "1234567.89" -> "1,234,567.89" (a leading '-' kept).
std::string group_digits(const std::string& plain) {
  size_t start = plain.empty() || plain[0] != '-' ? 0 : 1;
  size_t end = plain.find('.');
  if (end == std::string::npos) end = plain.size();
  std::string out = plain.substr(0, start);
  for (size_t i = start; i < end; ++i) {
    out += plain[i];
    size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + plain.substr(end);
}

}  // namespace

std::string count_text(std::int64_t n) { return group_digits(std::to_string(n)); }

std::string money_text(std::int64_t minor_units, int exponent, const std::string& currency) {
  return group_digits(format_minor_units(minor_units, exponent)) + " " + currency;
}

std::string amount_text(double major_units, bool whole) {
  if (!std::isfinite(major_units)) return "–";
  std::string text = whole ? fmt::format("{:.0f}", std::round(major_units)) : fmt::format("{:.2f}", major_units);
  if (text == "-0" || text == "-0.00") text = text.substr(1);
  return group_digits(text);
}

std::string percent_text(std::optional<double> rate, int decimals) {
  if (!rate || !std::isfinite(*rate)) return "–";
  std::string text = fmt::format("{:.{}f}%", *rate * 100, decimals);
  if (text.rfind("-0", 0) == 0 && text.find_first_not_of("-0.%") == std::string::npos) text = text.substr(1);
  return text;
}

std::string minutes_text(std::optional<double> minutes) {
  if (!minutes || !std::isfinite(*minutes) || *minutes < 0) return "–";
  auto total = static_cast<std::int64_t>(std::llround(*minutes));
  if (total < 60) return fmt::format("{} min", total);
  if (total < 24 * 60) {
    auto m = total % 60;
    return m ? fmt::format("{} h {} min", total / 60, m) : fmt::format("{} h", total / 60);
  }
  auto hours = (total + 30) / 60;  // to the nearest hour
  auto h = hours % 24;
  return h ? fmt::format("{} d {} h", hours / 24, h) : fmt::format("{} d", hours / 24);
}

}  // namespace shopkeep::report
