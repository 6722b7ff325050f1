#include "analytics/support/ticket_facts.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::analytics::support;
using Names = std::vector<std::string>;

TEST_CASE("order references: #1042, order 1042, order no. 1042, once each") {
  CHECK(order_references("Where is #1042?") == Names{"#1042"});
  CHECK(order_references("order 1042 and Order No. 1043, again order #1042") == Names{"#1042", "#1043"});
  CHECK(order_references("ORDER NUMBER: 5531") == Names{"#5531"});
  CHECK(order_references("I ordered 2 bags for 12 euros").empty());
  CHECK(order_references("call 555-1234").empty());
}

TEST_CASE("percentile_below is the share of values strictly lower") {
  std::vector<std::int64_t> sorted = {100, 200, 200, 300};
  CHECK(percentile_below(sorted, 50) == 0);
  CHECK(percentile_below(sorted, 200) == 25);
  CHECK(percentile_below(sorted, 301) == 100);
  CHECK(percentile_below({}, 5) == 0);
}
