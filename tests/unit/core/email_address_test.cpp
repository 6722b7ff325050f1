#include "core/email_address.hpp"

#include <doctest/doctest.h>

using shopkeep::is_valid_email;

TEST_CASE("addresses shopkeep will write into a header") {
  CHECK(is_valid_email("ann@shop.test"));
  CHECK(is_valid_email("ann.o'neil+promo@mail.example.co.uk"));
  CHECK_FALSE(is_valid_email(""));
  CHECK_FALSE(is_valid_email("not-an-email"));
  CHECK_FALSE(is_valid_email("ann@localhost"));
  CHECK_FALSE(is_valid_email("ann@@shop.test"));
  CHECK_FALSE(is_valid_email(".ann@shop.test"));
  CHECK_FALSE(is_valid_email("an..n@shop.test"));
  CHECK_FALSE(is_valid_email("ann@-shop.test"));
  CHECK_FALSE(is_valid_email("ann @shop.test"));
  CHECK_FALSE(is_valid_email("ann@shop.test\r\nBcc: all@x.test"));
  CHECK_FALSE(is_valid_email("<ann@shop.test>"));
  CHECK_FALSE(is_valid_email("ann\"@shop.test"));
}
