#pragma once
// Numbers the way people read them, for the HTML report and the brief: thousands separated,
// money with its currency, rates as percentages, waiting times in minutes, hours and days.
#include <cstdint>
#include <optional>
#include <string>

namespace shopkeep::report {

std::string count_text(std::int64_t n);  // 12345 -> "12,345"
// 123456 minor units, exponent 2, "EUR" -> "1,234.56 EUR"
std::string money_text(std::int64_t minor_units, int exponent, const std::string& currency);
// Without the currency, for axis ticks: "1,234.56"; `whole` drops the minor units ("1,235").
std::string amount_text(double major_units, bool whole);
// 0.1234 -> "12.3%"; none -> "–"
std::string percent_text(std::optional<double> rate, int decimals = 1);
// 35 -> "35 min", 95 -> "1 h 35 min", 3000 -> "2 d 2 h"; none -> "–"
std::string minutes_text(std::optional<double> minutes);

}  // namespace shopkeep::report
