#pragma once
// Exact money: amounts are integer minor units (cents) of a currency, never binary floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shopkeep {

// Digits after the decimal point in a currency's minor unit (ISO 4217): 2 for most, 0 for JPY.
int currency_exponent(std::string_view currency_code);

// A decimal amount as the APIs write one: an optional sign, digits, optionally a point and digits
// ("129.90", "-5", "0.5"); no exponent, no spaces, at most 30 characters.
bool is_decimal(std::string_view text);

// "129.90" -> 12990 (exponent 2). Extra digits beyond the exponent must be zeros ("1.500" ok,
// "1.505" is not exact and returns nullopt); so do malformed strings.
std::optional<std::int64_t> parse_minor_units(std::string_view decimal, int exponent);

// 12990 -> "129.90" (exponent 2); negative amounts keep their sign.
std::string format_minor_units(std::int64_t amount, int exponent);

// Half-away-from-zero rounding of a model output (not an amount from data) to minor units.
std::int64_t round_to_minor_units(double value, int exponent);

}  // namespace shopkeep
