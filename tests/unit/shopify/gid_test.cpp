#include "shopify/gid.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::shopify;

TEST_CASE("parse_gid") {
  auto g = parse_gid("gid://shopify/Order/450789469");
  REQUIRE(g);
  CHECK(g->type == "Order");
  CHECK(g->number == 450789469);
  auto line = parse_gid("gid://shopify/AbandonedCheckoutLineItem/0f3c9a?checkout=4766&index=0");
  REQUIRE(line);
  CHECK(line->type == "AbandonedCheckoutLineItem");
  CHECK_FALSE(line->number);
  CHECK_FALSE(parse_gid("450789469"));
  CHECK_FALSE(parse_gid("gid://shopify/Order"));
  CHECK_FALSE(parse_gid("gid://shopify//1"));
  CHECK_FALSE(parse_gid("gid://other/Order/1"));
}
