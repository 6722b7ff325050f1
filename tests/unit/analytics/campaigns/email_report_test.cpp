#include "analytics/campaigns/email_report.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::campaigns;

namespace {

void plan(testing::TempStore& s, int customer, const std::string& arm, const std::string& incentive = "none") {
  store::Stmt(s.db(),
              "INSERT INTO campaign_plans (campaign, target_key, step, customer_id, email, arm, incentive, items, "
              "planned_at) VALUES ('winback', 'customer:' || ?1, 1, ?1, 'c' || ?1 || '@shop.test', ?2, ?3, '[]', "
              "'2026-03-01T00:00:00Z')")
      .bind(1, customer)
      .bind(2, arm)
      .bind(3, incentive)
      .run();
}

void sent(testing::TempStore& s, int customer, const std::string& at) {
  store::Stmt(s.db(),
              "INSERT INTO email_log (campaign, recipient, customer_id, subject_key, target_key, step, status, "
              "created_at, sent_at) VALUES ('winback', 'c' || ?1 || '@shop.test', ?1, 'customer:' || ?1 || ':step:1', "
              "'customer:' || ?1, 1, 'sent', ?2, ?2)")
      .bind(1, customer)
      .bind(2, at)
      .run();
}

void order(testing::TempStore& s, int id, int customer, const std::string& at, const char* total = "50.00",
           const char* discounts = "5.00") {
  store::Stmt(s.db(),
              "INSERT INTO orders (id, customer_id, processed_at, created_at, test, total_price, total_discounts, raw, "
              "synced_at) VALUES (?1, ?2, ?3, ?3, 0, ?4, ?5, '{}', ?3)")
      .bind(1, id)
      .bind(2, customer)
      .bind(3, at)
      .bind(4, total)
      .bind(5, discounts)
      .run();
}

nlohmann::ordered_json report(testing::TempStore& s) {
  EmailReportOptions o;
  o.campaign = "winback";
  return email_report(s.db(), o, {Zone("UTC"), "EUR", 2})[0];
}

}  // namespace

TEST_CASE("converted: within the window after the send; the holdout after the planned time") {
  testing::TempStore s;
  plan(s, 1, "treatment", "10%");
  sent(s, 1, "2026-03-05T00:00:00Z");
  order(s, 100, 1, "2026-03-04T00:00:00Z");  // after the plan but before the send: not the message's doing
  plan(s, 2, "treatment");
  sent(s, 2, "2026-03-05T00:00:00Z");
  order(s, 101, 2, "2026-03-11T00:00:00Z", "80.00");  // 6 days after the send
  plan(s, 3, "holdout");
  order(s, 102, 3, "2026-03-06T00:00:00Z", "40.00");  // 5 days after the planned time
  plan(s, 4, "holdout");
  order(s, 103, 4, "2026-03-09T00:00:00Z");  // 8 days after: outside the window
  auto r = report(s);
  CHECK(r["treatment"]["recipients"] == 2);
  CHECK(r["treatment"]["converted"] == 1);
  CHECK(r["treatment"]["revenue"] == "80.00");
  CHECK(r["treatment"]["revenue_per_recipient"] == "40.00");
  CHECK(r["holdout"]["converted"] == 1);
  CHECK(r["holdout"]["revenue_per_recipient"] == "20.00");
  CHECK(r["incremental_revenue"] == "40.00");  // 80 - 20 x 2
  CHECK(r["discount_cost"] == "0.00");         // the one offered a discount did not convert after the send
  CHECK(r["uplift_absolute"] == 0.0);
  CHECK(r["conclusive"] == false);
  CHECK(r["note"].get<std::string>().find("too few recipients") == 0);
}

TEST_CASE("a large clear difference is conclusive; the discount cost counts the offers taken") {
  testing::TempStore s;
  for (int c = 1; c <= 60; ++c) {
    bool treatment = c <= 30;
    plan(s, c, treatment ? "treatment" : "holdout", treatment ? "10%" : "none");
    if (treatment) sent(s, c, "2026-03-01T00:00:00Z");
    if ((treatment && c <= 18) || (!treatment && c <= 33)) order(s, 1000 + c, c, "2026-03-02T00:00:00Z");
  }
  auto r = report(s);
  CHECK(r["treatment"]["converted"] == 18);
  CHECK(r["holdout"]["converted"] == 3);
  CHECK(r["conclusive"] == true);
  CHECK(r["note"].is_null());
  CHECK(r["p_value"].get<double>() < 0.001);
  CHECK(r["discount_cost"] == "90.00");  // 18 x 5.00
  CHECK(r["ci_low"].get<double>() > 0);
}
