#pragma once
// Prices as a shopper reads them, in the shop currency: "€20.00", "$5.50", "£3.00", "¥1200",
// "20.00 CHF" for currencies without a well-known symbol.
#include <cstdint>
#include <string>

namespace shopkeep::email {

std::string format_price(std::int64_t minor_units, const std::string& currency, int exponent);

}  // namespace shopkeep::email
