#include "email/price.hpp"

#include <doctest/doctest.h>

using shopkeep::email::format_price;

TEST_CASE("prices in the shop currency") {
  CHECK(format_price(2400, "EUR", 2) == "\u20ac24.00");
  CHECK(format_price(550, "USD", 2) == "$5.50");
  CHECK(format_price(1200, "JPY", 0) == "\u00a51200");
  CHECK(format_price(-300, "GBP", 2) == "-\u00a33.00");
  CHECK(format_price(2000, "CHF", 2) == "20.00 CHF");
}
