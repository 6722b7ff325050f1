#include <doctest/doctest.h>

#include "analytics/audit/audit.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::audit;

namespace {

void add_customer(testing::TempStore& s, int id, const char* email, const char* consent) {
  store::Stmt c(s.db(),
                "INSERT INTO customers (id, email, email_marketing_state, updated_at, raw, synced_at) "
                "VALUES (?1, ?2, ?3, '2026-05-01T00:00:00Z', '{}', '2026-05-01T00:00:00Z')");
  c.bind(1, id).bind(2, email).bind(3, consent);
  c.run();
}

void log_sent(testing::TempStore& s, const char* campaign, const char* recipient) {
  store::Stmt l(s.db(),
                "INSERT INTO email_log (campaign, recipient, subject_key, status, created_at, sent_at) "
                "VALUES (?1, ?2, 'k', 'sent', '2026-05-02T00:00:00Z', '2026-05-02T00:00:00Z')");
  l.bind(1, campaign).bind(2, recipient);
  l.run();
}

std::vector<Finding> audit_compliance(testing::TempStore& s, const Config& config) {
  store::ShopSettings shop{Zone("UTC"), "EUR", 2};
  return run_audit(s.db(), config, shop, *parse_rfc3339("2026-06-01T00:00:00Z"), {"compliance.mail_without_consent"});
}

}  // namespace

TEST_CASE("marketing mail to someone without consent is an error; subscribed people are fine") {
  testing::TempStore s;
  add_customer(s, 1, "yes@example.com", "SUBSCRIBED");
  add_customer(s, 2, "no@example.com", "UNSUBSCRIBED");
  log_sent(s, "winback", "yes@example.com");
  log_sent(s, "winback", " NO@example.com");
  log_sent(s, "receipts", "no@example.com");
  log_sent(s, "winback", "stranger@example.com");
  auto findings = audit_compliance(s, Config());
  REQUIRE(findings.size() == 3);  // the unsubscribed customer twice (winback, receipts) and the stranger
  for (const auto& f : findings) CHECK(f.severity == Severity::error);
  CHECK(findings[0].subject == "email_log:2");
}

TEST_CASE("campaigns listed as transactional are not marketing") {
  testing::TempStore s;
  add_customer(s, 2, "no@example.com", "UNSUBSCRIBED");
  log_sent(s, "receipts", "no@example.com");
  log_sent(s, "winback", "no@example.com");
  auto path = s.dir() / "c.toml";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("[audit]\ntransactional_campaigns = \"receipts, cart-recovery\"\n", f);
  std::fclose(f);
  auto findings = audit_compliance(s, Config::load(path));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].subject == "email_log:2");
}
