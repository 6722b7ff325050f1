#include "analytics/recommend/evaluate.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

using namespace shopkeep;
using namespace shopkeep::analytics::recommend;

namespace {

Instant day(int d) { return Instant(std::chrono::sys_days(std::chrono::year(2026) / 1 / 1) + std::chrono::days(d)); }

PurchaseData data() {
  PurchaseData d;
  for (int i = 0; i < 4; ++i) d.catalog.item_of(10 + i, "P" + std::to_string(i));
  auto& p = d.purchases;
  // Customer 1: {0,1} {0} then held out {0,2}. Customer 2: {1} then held out {3}. Customer 3: one order.
  p = {{1, 1, day(1), {0, 1}}, {2, 2, day(2), {1}},    {3, 3, day(3), {1, 2}},
       {4, 1, day(4), {0}},    {5, 1, day(5), {0, 2}}, {6, 2, day(6), {3}}};
  return d;
}

const MethodScore& method(const Evaluation& e, const std::string& name) {
  for (const auto& m : e.methods)
    if (m.method == name) return m;
  FAIL("no method " << name);
  return e.methods.front();
}

}  // namespace

TEST_CASE("evaluate: last-order protocol, hit rate, recall, NDCG and repeat share by hand") {
  EvaluateOptions options;
  options.k = 1;
  auto e = evaluate_purchases(data(), options);
  CHECK(e.test_customers == 2);
  // Training: orders 1-4. Popularity: product 1 (3 orders) first. own_history at k=1: customer 1 -> 0
  // (in 2 of their orders), a hit in {0, 2}: recall 1/2, NDCG 1/1; customer 2 -> 1, no hit in {3}.
  const auto& own = method(e, "own_history");
  CHECK(*own.hit_rate == doctest::Approx(0.5));
  CHECK(*own.recall == doctest::Approx(0.25));
  CHECK(*own.ndcg == doctest::Approx(0.5));
  CHECK(*own.repeat_share == doctest::Approx(1.0));
  CHECK(*own.new_share == doctest::Approx(0.0));
  const auto& pop = method(e, "popularity");
  CHECK(*pop.hit_rate == doctest::Approx(0.0));
  CHECK(*pop.repeat_share == doctest::Approx(1.0));  // both customers own product 1
  options.k = 2;
  auto e2 = evaluate_purchases(data(), options);
  // own_history at k=2: customer 1 -> [0, 1]: one hit of two at rank 1: NDCG = 1 / (1 + 1/log2(3)).
  CHECK(*method(e2, "own_history").ndcg == doctest::Approx(0.5 * 1.0 / (1.0 + 1.0 / std::log2(3.0))));
  nlohmann::ordered_json j = e2;
  CHECK(j["k"] == 2);
  CHECK(j["protocol"] == "last_order");
  CHECK(j["methods"].size() == evaluated_methods().size());
  CHECK(j["methods"][0].contains("ndcg"));
}

TEST_CASE("evaluate: validation drops every last order; split date trains before and tests after") {
  EvaluateOptions options;
  options.k = 2;
  options.protocol = Protocol::validation;
  auto v = evaluate_purchases(data(), options);
  CHECK(v.test_customers == 1);  // customer 1: {0,1} trains, {0} is held out
  CHECK(*method(v, "own_history").hit_rate == doctest::Approx(1.0));
  options.protocol = Protocol::split_date;
  options.split_date = day(4);
  auto s = evaluate_purchases(data(), options);
  CHECK(s.test_customers == 2);  // customers 1 and 2 bought before and after; 3 only before
  // Customer 1's held-out products: {0, 2} (days 4 and 5); customer 2's: {3}.
  CHECK(*method(s, "own_history").recall == doctest::Approx((1.0 / 2 + 0.0) / 2));
  nlohmann::ordered_json j = s;
  CHECK(j["split_date"] == "2026-01-05T00:00:00Z");
  options.split_date = day(10);  // nothing after: no test customers, null figures
  auto none = evaluate_purchases(data(), options);
  CHECK(none.test_customers == 0);
  CHECK_FALSE(method(none, "personal").hit_rate.has_value());
}
