#include <doctest/doctest.h>

#include "zendesk/api_client.hpp"

using namespace shopkeep::zendesk;

TEST_CASE("Zendesk authorization headers") {
  // base64 of "email/token:TOKEN", as Zendesk documents it.
  CHECK(api_token_authorization("jdoe@example.com", "abc") == "Basic amRvZUBleGFtcGxlLmNvbS90b2tlbjphYmM=");
  CHECK(api_token_authorization("a@b.c", "t") == "Basic YUBiLmMvdG9rZW46dA==");
  CHECK(oauth_authorization("xyz") == "Bearer xyz");
}
