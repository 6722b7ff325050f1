#include "analytics/carts/cart_plan.hpp"

#include <doctest/doctest.h>

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

void log_email(testing::TempStore& s, const std::string& campaign, const std::string& key, const std::string& sent_at) {
  store::Stmt insert(s.db(),
                     "INSERT INTO email_log (campaign, recipient, subject_key, status, created_at, sent_at) VALUES "
                     "(?1, 'A@shop.test', ?2, 'sent', ?3, ?3)");
  insert.bind(1, campaign).bind(2, key).bind(3, sent_at);
  insert.run();
}

nlohmann::ordered_json plan(testing::TempStore& s) {
  CartConfig config;
  config.holdout_percent = 0;
  PlanOptions options{"cart-recovery", *parse_rfc3339("2026-03-10T12:00:00Z"), true};
  store::ShopSettings shop{Zone("UTC"), "EUR", 2};
  return plan_carts(s.db(), options, config, shop);
}

}  // namespace

TEST_CASE("the latest due step; an earlier sent step does not block a later one") {
  testing::TempStore s;
  load(s);
  CHECK(plan(s)[0]["step"] == 2);  // 30 hours since the last activity
  log_email(s, "cart-recovery", "checkout:1:step:1", "2026-03-09T07:00:00Z");
  auto row = plan(s)[0];
  CHECK(row["step"] == 2);
  CHECK(row["reason"] == "step 2 due");
}

TEST_CASE("never a step twice, never backwards") {
  testing::TempStore s;
  load(s);
  log_email(s, "cart-recovery", "checkout:1:step:3", "2026-03-09T07:00:00Z");
  CHECK(plan(s)[0]["reason"] == "already_contacted");
}

TEST_CASE("any campaign within the frequency cap excludes") {
  testing::TempStore s;
  load(s);
  log_email(s, "newsletter", "issue:42", "2026-03-10T10:00:00Z");
  CHECK(plan(s)[0]["reason"] == "frequency_cap");
}
