#include <doctest/doctest.h>

#include <algorithm>

#include "analytics/audit/audit.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::audit;

namespace {

store::ShopSettings audit_shop() { return {Zone("UTC"), "EUR", 2}; }
Instant audit_now() { return *parse_rfc3339("2026-06-01T00:00:00Z"); }

void add_order(testing::TempStore& s, int id, bool refunded) {
  store::Stmt o(s.db(),
                "INSERT INTO orders (id, name, processed_at, created_at, test, total_price, total_refunded, raw, "
                "synced_at) VALUES (?1, '#' || ?1, '2026-05-10T10:00:00Z', '2026-05-10T10:00:00Z', 0, '20.00', ?2, "
                "'{}', '2026-05-20T00:00:00Z')");
  o.bind(1, id).bind(2, refunded ? "20.00" : "0.00");
  o.run();
}

bool ran(const AuditRun& run, const std::string& id) {
  return std::any_of(run.ran.begin(), run.ran.end(), [&](const Check* c) { return c->id == id; });
}

}  // namespace

TEST_CASE("a refund rate just above the threshold is shown with the decimals that tell them apart") {
  testing::TempStore s;
  for (int i = 1; i <= 119; ++i) add_order(s, i, i <= 6);  // 6 of 119 = 5.04%
  auto findings = run_audit(s.db(), Config(), audit_shop(), audit_now(), {"orders.refund_rate"});
  REQUIRE(findings.size() == 2);  // the last 12 months, and the month
  CHECK(findings[0].message.find("5.04% of the last 12 months' orders were refunded (6 of 119; threshold 5.00%)") == 0);
  CHECK(findings[1].message == "2026-05: 5.04% of orders refunded (6 of 119), above 5.00%");
}

TEST_CASE("a rate well above the threshold keeps one decimal") {
  testing::TempStore s;
  for (int i = 1; i <= 40; ++i) add_order(s, i, i <= 4);  // 10%
  auto findings = run_audit(s.db(), Config(), audit_shop(), audit_now(), {"orders.refund_rate"});
  REQUIRE(!findings.empty());
  CHECK(findings[0].message.find("10.0% of the last 12 months' orders were refunded (4 of 40; threshold 5.0%)") == 0);
}

TEST_CASE("checks without their data are skipped, not reported clean") {
  testing::TempStore s;
  add_order(s, 1, false);
  auto run = run_checks(s.db(), Config(), audit_shop(), audit_now(), {});
  CHECK(ran(run, "orders.refund_rate"));
  CHECK(ran(run, "data.sync_freshness"));
  CHECK_FALSE(ran(run, "support.unsolved"));
  std::vector<std::string> skipped;
  for (const auto& skip : run.skipped) skipped.push_back(skip.check->id + std::string(": ") + skip.reason);
  CHECK(std::count(skipped.begin(), skipped.end(), "support.unsolved: no tickets in the store") == 1);
  CHECK(std::count(skipped.begin(), skipped.end(), "data.zendesk_match: no tickets in the store") == 1);
  CHECK(std::count(skipped.begin(), skipped.end(), "catalog.no_images: no products in the store") == 1);
  CHECK(run.ran.size() + run.skipped.size() == all_checks().size());
  // --only narrows both lists.
  auto only = run_checks(s.db(), Config(), audit_shop(), audit_now(), {"support"});
  CHECK(only.ran.empty());
  CHECK(only.skipped.size() == 4);
}
