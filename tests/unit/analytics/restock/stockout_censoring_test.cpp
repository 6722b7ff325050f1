// The stockout-censoring rule (lib/analytics/restock/stockout_censoring.cpp) and how methods skip
// censored days (demand_history.cpp).
#include <doctest/doctest.h>

#include "analytics/restock/demand_history.hpp"
#include "analytics/restock/forecast_method.hpp"
#include "analytics/restock/stockout_censoring.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::restock;

TEST_CASE("no observation of stock: nothing is censored") {
  CHECK(censored_days({1, 0, 0, 2}, {}) == std::vector<bool>{false, false, false, false});
}

TEST_CASE("current stock 0: the days since it sold out are censored, the sell-out day too") {
  // Stock at the end of day 5 is 0. Upper bounds of the stock at each day's end, going back: day 5: 0,
  // day 4: 0 + 0, day 3: 0 + 0 (it sold its last unit on day 3), day 2: 0 + 1 = 1, days 1, 0: 1.
  std::vector<double> sold{2, 0, 0, 1, 0, 0};
  CHECK(censored_days(sold, {{5, 0}}) == std::vector<bool>{false, false, false, true, true, true});
}

TEST_CASE("an earlier snapshot at zero censors the days until the next sale") {
  // A snapshot says 0 at the end of day 1; day 0 sold 2 and its bound is 0 + 0 (day 1 sold nothing):
  // sold out on day 0, empty on day 1. Still out on day 2 (no sale, no stock seen); day 3 sold 1, so a
  // delivery came before it; that unit was the last (current stock 0): days 3 to 5 are censored.
  std::vector<double> sold{2, 0, 0, 1, 0, 0};
  CHECK(censored_days(sold, {{1, 0}, {5, 0}}) == std::vector<bool>{true, true, true, true, true, true});
}

TEST_CASE("seen empty, later seen with stock: the wait for the delivery is censored") {
  // 0 at the end of day 0, 5 at the end of day 3, nothing sold: the delivery came on day 1, 2 or 3;
  // days 1 and 2 count as out of stock, day 3 (stock seen) and after as in stock.
  CHECK(censored_days({0, 0, 0, 0, 0}, {{0, 0}, {3, 5}}) == std::vector<bool>{true, true, true, false, false});
}

TEST_CASE("stock left at the last observation: nothing before it is censored") {
  std::vector<double> sold{1, 1, 1};
  CHECK(censored_days(sold, {{2, 4}}) == std::vector<bool>{false, false, false});
  // Oversold (negative stock) counts as none.
  CHECK(censored_days(sold, {{2, -1}}) == std::vector<bool>{false, true, true});
  // An observation outside the series is ignored.
  CHECK(censored_days(sold, {{7, 0}, {-1, 0}}) == std::vector<bool>{false, false, false});
}

TEST_CASE("censored days are not zero demand: the 8-week rate skips them") {
  // 3 a day for 20 days, then 36 days out of stock (nothing sold, censored).
  std::vector<double> units(56, 0.0);
  std::vector<bool> censored(56, false);
  for (int d = 0; d < 20; ++d) units[d] = 3;
  for (int d = 20; d < 56; ++d) censored[d] = true;
  DemandHistory h(*parse_date("2026-01-05"), units, censored);
  CHECK(h.observed_days_between(0, 56) == 20);
  auto path = method_path(Method::naive_8w, h, 56, 7);
  REQUIRE(path.has_value());
  CHECK((*path)[0] == doctest::Approx(3.0));  // read as zeros it would be 60 / 56 = 1.07
  DemandHistory uncensored(*parse_date("2026-01-05"), units, std::vector<bool>(56, false));
  CHECK((*method_path(Method::naive_8w, uncensored, 56, 7))[0] == doctest::Approx(60.0 / 56));
}
