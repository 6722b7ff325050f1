#include "analytics/recommend/trend.hpp"

#include <doctest/doctest.h>

using namespace shopkeep;
using namespace shopkeep::analytics::recommend;

TEST_CASE("shop trend: orders in [before - days, before), per product and in all") {
  auto t = [](int day, int hour) {
    return Instant(std::chrono::sys_days(std::chrono::year(2026) / 3 / day)) + std::chrono::hours(hour);
  };
  std::vector<Purchase> p = {
      {1, 1, t(1, 9), {0, 1}}, {2, 2, t(8, 9), {1}}, {3, std::nullopt, t(10, 23), {1}}, {4, 3, t(11, 0), {0}}};
  ShopTrend trend(p, 2);
  Instant before = t(11, 0);  // midnight starting 11 March: the order at that instant is not before it
  CHECK(trend.orders_with(1, before, 3) == 2);  // 8 March 09:00 and 10 March 23:00 (a guest order)
  CHECK(trend.orders_with(1, before, 2) == 1);
  CHECK(trend.orders_with(0, before, 30) == 1);
  CHECK(trend.orders(before, 10) == 3);
  CHECK(trend.orders(t(1, 9), 5) == 0);
}
