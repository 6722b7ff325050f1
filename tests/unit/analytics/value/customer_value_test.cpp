#include "analytics/value/customer_value.hpp"

#include <doctest/doctest.h>

using namespace shopkeep;
using namespace shopkeep::analytics::value;

namespace {

CustomerSummary bought(std::int64_t id, std::int64_t first_day, std::optional<std::int64_t> second_day = {},
                       std::int64_t days = 1) {
  CustomerSummary c{id, "c" + std::to_string(id) + "@example.com"};
  c.purchase_days = days;
  c.first_day = first_day;
  c.second_day = second_day;
  c.last_day = second_day ? *second_day : first_day;
  c.orders = days;
  c.total_spend = 5000 * days;
  c.repeat_spend = 5000 * (days - 1);
  return c;
}

// CDNOW's published parameters, so scores are those of a real fit.
ValueModel model_at(std::int64_t now_day, RepeatInterval interval) {
  ValueModel m;
  m.bgnbd.params = {0.2426, 4.4135, 0.7929, 2.4258};
  m.gamma_gamma.params = {6.2488, 3.7446, 15.4478};
  m.now_day = now_day;
  m.repeat_interval = interval;
  return m;
}

store::ShopSettings usd_shop() { return {Zone("UTC"), "USD", 2}; }

}  // namespace

TEST_CASE("the repeat interval: nearest-rank median and 90th percentile of first-to-second gaps") {
  std::vector<CustomerSummary> customers;
  for (int gap = 1; gap <= 10; ++gap) customers.push_back(bought(gap, 100, 100 + gap * 10, 2));
  customers.push_back(bought(99, 100));  // one-time buyers do not count
  auto interval = repeat_interval(customers);
  CHECK(interval.median_days == 50);
  CHECK(interval.p90_days == 90);
  CHECK_FALSE(repeat_interval({bought(1, 100)}).p90_days.has_value());
}

TEST_CASE("one-time buyers are at risk once their order is older than the shop's repeat interval") {
  auto m = model_at(1000, {30, 90});
  ValueOptions o;
  auto recent = score_customer(m, bought(1, 1000 - 60), o, usd_shop());
  auto lapsed = score_customer(m, bought(2, 1000 - 200), o, usd_shop());
  CHECK(recent.p_alive == 1.0);  // BG/NBD's x = 0 property
  CHECK(lapsed.p_alive == 1.0);
  CHECK(recent.days_since_purchase == 60);
  CHECK_FALSE(recent.at_risk);
  CHECK(lapsed.at_risk);
  CHECK(std::string(lapsed.at_risk_basis) == "repeat_interval");
  CHECK_FALSE(score_customer(m, bought(3, 1000 - 90), o, usd_shop()).at_risk);  // at the p90 itself: not yet
  // Without any repeat buyer there is no interval to judge by.
  CHECK_FALSE(score_customer(model_at(1000, {}), bought(2, 1000 - 200), o, usd_shop()).at_risk);
}

TEST_CASE("repeat buyers keep the P(alive) rule") {
  auto m = model_at(1000, {30, 90});
  ValueOptions o;
  auto faded = score_customer(m, bought(4, 100, 110, 2), o, usd_shop());  // bought twice long ago
  CHECK(std::string(faded.at_risk_basis) == "p_alive");
  CHECK(faded.p_alive < o.at_risk_p_alive);
  CHECK(faded.at_risk);
  auto fresh = score_customer(m, bought(5, 900, 990, 2), o, usd_shop());
  CHECK_FALSE(fresh.at_risk);
}
