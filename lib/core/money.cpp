#include "core/money.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace shopkeep {

int currency_exponent(std::string_view c) {
  static constexpr std::string_view zero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW",
                                              "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::string_view three[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  for (auto z : zero)
    if (c == z) return 0;
  for (auto t : three)
    if (c == t) return 3;
  return 2;
}

bool is_decimal(std::string_view s) {
  if (s.size() > 30) return false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  size_t point = s.find('.');
  std::string_view whole = s.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? std::string_view{} : s.substr(point + 1);
  auto all_digits = [](std::string_view d) {
    for (char c : d)
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
  };
  if (whole.empty() && fraction.empty()) return false;
  if (point != std::string_view::npos && fraction.empty()) return false;
  return all_digits(whole) && all_digits(fraction);
}

std::optional<std::int64_t> parse_minor_units(std::string_view s, int exponent) {
  // One definition of the text an amount may be ("129." and 31 digits are not, here either).
  if (!is_decimal(s)) return std::nullopt;
  bool negative = s[0] == '-';
  if (s[0] == '-' || s[0] == '+') s.remove_prefix(1);
  size_t point = std::min(s.find('.'), s.size());
  std::int64_t whole = 0;
  for (char digit : s.substr(0, point)) {
    if (whole > 100'000'000'000'000LL) return std::nullopt;  // beyond any real amount
    whole = whole * 10 + (digit - '0');
  }
  std::int64_t fraction = 0;
  int fraction_digits = 0;
  for (char digit : s.substr(std::min(point + 1, s.size()))) {
    if (fraction_digits < exponent) {
      fraction = fraction * 10 + (digit - '0');
      ++fraction_digits;
    } else if (digit != '0') {
      return std::nullopt;  // not exact in the currency's minor unit
    }
  }
  for (; fraction_digits < exponent; ++fraction_digits) fraction *= 10;
  std::int64_t scale = 1;
  for (int e = 0; e < exponent; ++e) scale *= 10;
  std::int64_t value = whole * scale + fraction;
  return negative ? -value : value;
}

std::string format_minor_units(std::int64_t amount, int exponent) {
  bool negative = amount < 0;
  std::uint64_t v = negative ? 0 - static_cast<std::uint64_t>(amount) : amount;
  std::uint64_t scale = 1;
  for (int e = 0; e < exponent; ++e) scale *= 10;
  std::string out = std::to_string(v / scale);
  if (exponent > 0) {
    std::string frac = std::to_string(v % scale);
    out += '.';
    out.append(exponent - frac.size(), '0');
    out += frac;
  }
  return negative ? "-" + out : out;
}

std::int64_t round_to_minor_units(double value, int exponent) {
  return static_cast<std::int64_t>(std::llround(value * std::pow(10.0, exponent)));
}

}  // namespace shopkeep
