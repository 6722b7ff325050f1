#include "email/unsubscribe.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"

using namespace shopkeep::email;

TEST_CASE("unsubscribe tokens: per person, keyed, in the configured URL") {
  auto token = unsubscribe_token("secret", "Ann@Shop.test ");
  CHECK(token.size() == 32);
  CHECK(token == unsubscribe_token("secret", "ann@shop.test"));
  CHECK(token != unsubscribe_token("other secret", "ann@shop.test"));
  CHECK(token != unsubscribe_token("secret", "bob@shop.test"));
  CHECK(expand_unsubscribe_url("https://s.test/u?t={{token}}&e={{email}}&c={{campaign}}", "ab", "A+b@S.test",
                               "cart-recovery") == "https://s.test/u?t=ab&e=a%2Bb%40s.test&c=cart-recovery");
}

TEST_CASE("unsubscribe settings are checked") {
  CHECK_NOTHROW(validate_unsubscribe_url("https://s.test/u?t={{token}}"));
  CHECK_THROWS_AS(validate_unsubscribe_url("http://s.test/u?t={{token}}"), shopkeep::Error);
  CHECK_THROWS_AS(validate_unsubscribe_url("https://s.test/u?t={{name}}"), shopkeep::Error);
  CHECK_THROWS_AS(validate_unsubscribe_url("https://s.test/u\r\nBcc: x"), shopkeep::Error);
  CHECK(mailto_url("out@s.test") == "mailto:out@s.test?subject=unsubscribe");
  CHECK(mailto_url("mailto:out@s.test?subject=stop") == "mailto:out@s.test?subject=stop");
  CHECK_THROWS_AS(mailto_url("nobody"), shopkeep::Error);
}
