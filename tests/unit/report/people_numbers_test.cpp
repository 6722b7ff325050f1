#include "report/people_numbers.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::report;

TEST_CASE("numbers the way people read them") {
  CHECK(count_text(0) == "0");
  CHECK(count_text(999) == "999");
  CHECK(count_text(1234567) == "1,234,567");
  CHECK(count_text(-1234) == "-1,234");
  CHECK(money_text(28232388, 2, "EUR") == "282,323.88 EUR");
  CHECK(money_text(-5, 2, "EUR") == "-0.05 EUR");
  CHECK(money_text(150000, 0, "JPY") == "150,000 JPY");
  CHECK(amount_text(15000, true) == "15,000");
  CHECK(amount_text(-0.2, true) == "0");
  CHECK(percent_text(0.1234) == "12.3%");
  CHECK(percent_text(std::nullopt) == "–");
  CHECK(percent_text(1.0, 0) == "100%");
  CHECK(minutes_text(35) == "35 min");
  CHECK(minutes_text(95) == "1 h 35 min");
  CHECK(minutes_text(120) == "2 h");
  CHECK(minutes_text(3000) == "2 d 2 h");
  CHECK(minutes_text(std::nullopt) == "–");
}
