#include "analytics/carts/cart_plan.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "shopify/record_writer.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::carts;

namespace {

const char* kShop[] = {
    R"({"id":"gid://shopify/Product/1","status":"ACTIVE","updatedAt":"2026-01-01T00:00:00Z"})",
    R"({"id":"gid://shopify/ProductVariant/10","price":"20.00","inventoryQuantity":5,"__parentId":"gid://shopify/Product/1"})",
    R"({"id":"gid://shopify/Customer/1","defaultEmailAddress":{"emailAddress":"a@shop.test","marketingState":"SUBSCRIBED"}})",
    R"({"id":"gid://shopify/AbandonedCheckout/1","createdAt":"2026-03-09T05:50:00Z","updatedAt":"2026-03-09T06:00:00Z","customer":{"id":"gid://shopify/Customer/1"},"totalPriceSet":{"shopMoney":{"amount":"20.00","currencyCode":"EUR"}}})",
    R"({"id":"gid://shopify/AbandonedCheckoutLineItem/a?checkout=1&index=0","quantity":1,"product":{"id":"gid://shopify/Product/1"},"variant":{"id":"gid://shopify/ProductVariant/10"},"__parentId":"gid://shopify/AbandonedCheckout/1"})",
};

void load(testing::TempStore& s) {
  SilentReporter r;
  store::Transaction tx(s.db());
  shopify::RecordWriter w(s.db(), r, "2026-03-10T00:00:00Z");
  std::uint64_t n = 0;
  for (const char* line : kShop) w.write(line, {"shop", ++n}, false);
  w.finish();
  tx.commit();
}

void log_email(testing::TempStore& s, const std::string& campaign, const std::string& target, int step,
               const std::string& sent_at, const std::string& status = "sent") {
  store::Stmt insert(s.db(),
                     "INSERT INTO email_log (campaign, recipient, subject_key, target_key, step, status, created_at, "
                     "sent_at) VALUES (?1, 'A@shop.test', ?2 || ':step:' || ?3, ?2, ?3, ?4, ?5, ?5)");
  insert.bind(1, campaign).bind(2, target).bind(3, step).bind(4, status).bind(5, sent_at);
  insert.run();
}

nlohmann::ordered_json plan(testing::TempStore& s, bool resend_unknown = false) {
  CartConfig config;
  config.holdout_percent = 0;
  PlanOptions options{"cart-recovery", *parse_rfc3339("2026-03-10T12:00:00Z"), true, resend_unknown, true};
  store::ShopSettings shop{Zone("UTC"), "EUR", 2};
  return plan_carts_json(s.db(), options, config, shop);
}

}  // namespace

TEST_CASE("the latest due step; an earlier sent step does not block a later one") {
  testing::TempStore s;
  load(s);
  CHECK(plan(s)[0]["step"] == 2);  // 30 hours since the last activity
  log_email(s, "cart-recovery", "checkout:1", 1, "2026-03-09T07:00:00Z");
  auto row = plan(s)[0];
  CHECK(row["step"] == 2);
  CHECK(row["reason"] == "step 2 due");
}

TEST_CASE("never a step twice, never backwards") {
  testing::TempStore s;
  load(s);
  log_email(s, "cart-recovery", "checkout:1", 3, "2026-03-09T07:00:00Z");
  CHECK(plan(s)[0]["reason"] == "already_contacted");
}

TEST_CASE("any campaign within the frequency cap excludes") {
  testing::TempStore s;
  load(s);
  log_email(s, "newsletter", "issue:42", 1, "2026-03-10T10:00:00Z");
  CHECK(plan(s)[0]["reason"] == "frequency_cap");
}

TEST_CASE("a message of unknown delivery blocks its step until --resend-unknown; rendered and failed ones do not") {
  testing::TempStore s;
  load(s);
  log_email(s, "cart-recovery", "checkout:1", 2, "2026-03-09T07:00:00Z", "rendered");
  CHECK(plan(s)[0]["step"] == 2);
  store::Stmt(s.db(), "UPDATE email_log SET status = 'failed'").run();
  CHECK(plan(s)[0]["step"] == 2);
  store::Stmt(s.db(), "UPDATE email_log SET status = 'unknown'").run();
  CHECK(plan(s)[0]["reason"] == "unknown");
  CHECK(plan(s, true)[0]["step"] == 2);  // its own unknown message does not count against the frequency cap
}

TEST_CASE("every row has every key of cli.md") {
  testing::TempStore s;
  load(s);
  auto row = plan(s)[0];
  for (const char* key : {"checkout_id", "customer_id", "email", "segment", "step", "incentive", "group", "excluded",
                          "reason", "recovery_url", "items", "total_price", "currency"})
    CHECK_MESSAGE(row.contains(key), key);
  CHECK(row["items"].dump() == "[1]");
  CHECK(row["excluded"] == false);
}
