#include "email/price.hpp"

#include "core/money.hpp"

namespace shopkeep::email {

std::string format_price(std::int64_t minor_units, const std::string& currency, int exponent) {
  std::string amount = format_minor_units(minor_units, exponent);
  std::string sign;
  if (!amount.empty() && amount.front() == '-') {
    sign = "-";
    amount.erase(amount.begin());
  }
  const char* symbol = currency == "EUR"   ? "\u20AC"
                       : currency == "USD" ? "$"
                       : currency == "GBP" ? "\u00A3"
                       : currency == "JPY" ? "\u00A5"
                       : currency == "CAD" ? "CA$"
                       : currency == "AUD" ? "A$"
                                           : nullptr;
  if (symbol) return sign + symbol + amount;
  return sign + amount + " " + currency;
}

}  // namespace shopkeep::email
