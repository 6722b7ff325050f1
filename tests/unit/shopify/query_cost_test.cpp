#include "shopify/query_cost.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "shopify/sync_queries.hpp"

using namespace shopkeep::shopify;
using nlohmann::json;

TEST_CASE("requested cost by Shopify's rules") {
  // Scalars 0, an object 1.
  CHECK(requested_cost("{ shop { id name } }", json::object()) == 1);
  // A connection: 2 + first x (node 1 + its objects).
  CHECK(requested_cost("query($first: Int!) { products(first: $first) { pageInfo { hasNextPage } nodes { id } } }",
                       {{"first", 250}}) == 252);
  // Nested connections multiply: 2 + 10 x (1 + (2 + 5 x 1)) = 82.
  CHECK(requested_cost("{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { price } } } } } } }",
                       json::object()) == 82);
  // A list of objects with first: that many objects; an inline fragment's fields are its parent's.
  CHECK(requested_cost("query($id: ID!) { node(id: $id) { ... on Order { refunds(first: 250) { id totalRefundedSet { "
                       "shopMoney { amount } } } } } }",
                       json::object()) == 1 + 250 * 3);
  // A mutation: 10.
  CHECK(requested_cost("mutation RunBulk($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id } "
                       "userErrors { message } } }",
                       json::object()) == 10);
  CHECK_THROWS(requested_cost("{ shop { id ", json::object()));
}

TEST_CASE("every sync page stays within the 1,000-point limit") {
  for (const auto& q : resource_queries()) {
    int first = fitting_page_size(q, q.nested_page_size, kMaxQueryCost);
    CAPTURE(q.name);
    CHECK(first >= 1);
    CHECK(page_cost(q, first, q.nested_page_size) <= kMaxQueryCost);
    if (first < q.page_size) CHECK(page_cost(q, first + 1, q.nested_page_size) > kMaxQueryCost);
  }
  // An order with 10 line items, 5 refunds and its attribution is over a hundred points.
  const auto* orders = find_resource("orders");
  REQUIRE(orders != nullptr);
  CHECK(page_cost(*orders, 1, 10) > 100);
}

TEST_CASE("fields a scope guards are left out without it") {
  const auto* products = find_resource("products");
  REQUIRE(products != nullptr);
  CHECK(products->page_query(10).find("inventoryItem") != std::string::npos);
  auto without = products->for_scopes({"read_products"});
  CHECK(without.page_query(10).find("inventoryItem") == std::string::npos);
  auto with = products->for_scopes({"read_products", "write_inventory"});  // write implies read
  CHECK(with.page_query(10).find("inventoryItem") != std::string::npos);
}
