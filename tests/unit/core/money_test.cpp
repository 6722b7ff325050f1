#include "core/money.hpp"

#include <doctest/doctest.h>

using namespace shopkeep;

TEST_CASE("parse_minor_units is exact") {
  CHECK(parse_minor_units("129.90", 2) == 12990);
  CHECK(parse_minor_units("129.9", 2) == 12990);
  CHECK(parse_minor_units("129", 2) == 12900);
  CHECK(parse_minor_units("0.10", 2) == 10);
  CHECK(parse_minor_units("-5.25", 2) == -525);
  CHECK(parse_minor_units("1.500", 2) == 150);
  CHECK(parse_minor_units("1500", 0) == 1500);
  CHECK(parse_minor_units("1.234", 3) == 1234);
  CHECK_FALSE(parse_minor_units("1.505", 2));  // not representable in cents: refuse, don't round
  CHECK_FALSE(parse_minor_units("", 2));
  CHECK_FALSE(parse_minor_units("abc", 2));
  CHECK_FALSE(parse_minor_units("1e3", 2));
  CHECK_FALSE(parse_minor_units(".", 2));
  CHECK_FALSE(parse_minor_units("129.", 2));  // what is_decimal refuses (found by fuzzing)
  CHECK(parse_minor_units(".5", 2) == 50);
}

TEST_CASE("format_minor_units") {
  CHECK(format_minor_units(12990, 2) == "129.90");
  CHECK(format_minor_units(5, 2) == "0.05");
  CHECK(format_minor_units(-525, 2) == "-5.25");
  CHECK(format_minor_units(1500, 0) == "1500");
  CHECK(format_minor_units(1234, 3) == "1.234");
}

TEST_CASE("currency exponents") {
  CHECK(currency_exponent("EUR") == 2);
  CHECK(currency_exponent("JPY") == 0);
  CHECK(currency_exponent("KWD") == 3);
}

TEST_CASE("round_to_minor_units rounds half away from zero") {
  CHECK(round_to_minor_units(35.253, 2) == 3525);
  CHECK(round_to_minor_units(0.125, 2) == 13);
  CHECK(round_to_minor_units(-0.125, 2) == -13);
}

TEST_CASE("is_decimal accepts the APIs' amounts and nothing else") {
  CHECK(is_decimal("129.90"));
  CHECK(is_decimal("-5"));
  CHECK(is_decimal(".5"));
  CHECK(is_decimal("0"));
  CHECK_FALSE(is_decimal("abc"));
  CHECK_FALSE(is_decimal(""));
  CHECK_FALSE(is_decimal("1."));
  CHECK_FALSE(is_decimal("1e5"));
  CHECK_FALSE(is_decimal(" 1"));
  CHECK_FALSE(is_decimal("1.2.3"));
  CHECK_FALSE(is_decimal("NaN"));
  CHECK_FALSE(is_decimal(std::string(40, '9')));
}
