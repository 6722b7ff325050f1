#include "shopify/client_credentials.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::shopify;

TEST_CASE("the granted scope of a client-credentials answer") {
  CHECK(split_scopes("read_orders,read_all_orders, read_products") ==
        std::vector<std::string>{"read_orders", "read_all_orders", "read_products"});
  CHECK(split_scopes("").empty());
  CHECK(split_scopes("read_orders,,") == std::vector<std::string>{"read_orders"});
}
