#include "analytics/campaigns/gate.hpp"

#include <doctest/doctest.h>

#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::campaigns;

namespace {

const char* kNow = "2026-03-10T12:00:00Z";

void log(testing::TempStore& s, const std::string& campaign, const std::string& target, int step,
         const std::string& status, const std::string& at, const std::string& reply = "") {
  store::Stmt insert(s.db(),
                     "INSERT INTO email_log (campaign, recipient, subject_key, target_key, step, status, smtp_reply, "
                     "created_at, sent_at) VALUES (?1, 'ann@shop.test', ?2 || ':step:' || ?3, ?2, ?3, ?4, ?5, ?6, "
                     "CASE WHEN ?4 = 'sent' THEN ?6 END)");
  insert.bind(1, campaign).bind(2, target).bind(3, step).bind(4, status).bind(5, reply).bind(6, at);
  insert.run();
}

Gate gate(testing::TempStore& s, bool resend_unknown = false) {
  GateRules rules;
  rules.campaign = "winback";
  rules.resend_unknown = resend_unknown;
  return Gate(s.db(), rules, *parse_rfc3339(kNow));
}

}  // namespace

TEST_CASE("the person: address, suppression, consent, test customers") {
  testing::TempStore s;
  auto g = gate(s);
  Person ok{1, "Ann@Shop.test ", std::string("SUBSCRIBED"), false};
  CHECK_FALSE(g.person_exclusion(ok));
  CHECK(g.person_exclusion({1, "", std::string("SUBSCRIBED"), false}) == "no_email");
  CHECK(g.person_exclusion({1, "ann@", std::string("SUBSCRIBED"), false}) == "invalid_email");
  CHECK(g.person_exclusion({1, "ann@shop.test", std::string("NOT_SUBSCRIBED"), false}) == "no_consent");
  CHECK(g.person_exclusion({1, "ann@shop.test", std::nullopt, false}) == "no_consent");
  CHECK(g.person_exclusion({1, "ann@shop.test", std::string("SUBSCRIBED"), true}) == "test");
  store::Stmt(s.db(), "INSERT INTO suppressions (hash, kind, created_at) VALUES (?1, 'email', 'x')")
      .bind(1, privacy::suppression_hash("email", "ann@shop.test"))
      .run();
  CHECK(gate(s).person_exclusion(ok) == "suppressed");
  GateRules transactional;
  transactional.transactional = true;
  CHECK_FALSE(
      Gate(s.db(), transactional, *parse_rfc3339(kNow)).consent_exclusion({1, "b@shop.test", std::nullopt, false}));
}

TEST_CASE("never a step twice, nor before a later one, nor over an unknown delivery") {
  testing::TempStore s;
  const std::string t = "customer:1:since:2026-01-01";
  CHECK_FALSE(gate(s).contact_exclusion(t, 1, "ann@shop.test"));
  log(s, "winback", t, 1, "rendered", "2026-03-01T00:00:00Z");
  CHECK_FALSE(gate(s).contact_exclusion(t, 1, "ann@shop.test"));  // rendered is not sent
  log(s, "winback", t, 2, "sent", "2026-03-01T00:00:00Z");
  CHECK(gate(s).contact_exclusion(t, 1, "ann@shop.test") == "already_contacted");  // a later step went
  CHECK(gate(s).contact_exclusion(t, 2, "ann@shop.test") == "already_contacted");
  CHECK_FALSE(gate(s).contact_exclusion(t, 3, "ann@shop.test"));
  log(s, "winback", t, 3, "unknown", "2026-03-02T00:00:00Z");
  CHECK(gate(s).contact_exclusion(t, 3, "ann@shop.test") == "unknown");
  CHECK_FALSE(gate(s, true).contact_exclusion(t, 3, "ann@shop.test"));  // its own unknown message is no cap
}

TEST_CASE("a 5xx refusal of this address is final; a 4xx failure is not") {
  testing::TempStore s;
  const std::string t = "order:9";
  log(s, "winback", t, 1, "failed", "2026-03-01T00:00:00Z", "451 4.3.0 try later");
  CHECK_FALSE(gate(s).contact_exclusion(t, 1, "ann@shop.test"));
  store::Stmt(s.db(), "UPDATE email_log SET smtp_reply = '550 5.1.1 no such user'").run();
  CHECK(gate(s).contact_exclusion(t, 1, "ann@shop.test") == "refused");
  CHECK_FALSE(gate(s).contact_exclusion(t, 1, "new-address@shop.test"));  // a corrected address may be tried
}

TEST_CASE("the frequency cap counts every campaign's messages, sent or maybe sent") {
  testing::TempStore s;
  log(s, "cart-recovery", "checkout:5", 1, "sent", "2026-03-10T02:00:00Z");
  CHECK(gate(s).contact_exclusion("order:9", 1, "ANN@shop.test") == "frequency_cap");
  store::Stmt(s.db(), "UPDATE email_log SET sent_at = '2026-03-09T11:00:00Z'").run();
  CHECK_FALSE(gate(s).contact_exclusion("order:9", 1, "ann@shop.test"));
  log(s, "refill", "customer:1:refill:2026-02-01", 1, "unknown", "2026-03-10T08:00:00Z");
  CHECK(gate(s).contact_exclusion("order:9", 1, "ann@shop.test") == "frequency_cap");
}

TEST_CASE("admitting stores the arm and the plan once; dry runs store nothing") {
  testing::TempStore s;
  GateRules dry;
  dry.campaign = "winback";
  dry.holdout_percent = 100;
  dry.record = false;
  PlanRow row;
  row.campaign = "winback";
  row.target_key = "customer:1:since:2026-01-01";
  row.step = 1;
  row.email = "ann@shop.test";
  Person p{1, "ann@shop.test", std::string("SUBSCRIBED"), false};
  Gate(s.db(), dry, *parse_rfc3339(kNow)).admit(row, p);
  CHECK(row.group == "holdout");
  CHECK(s.count("SELECT count(*) FROM holdout") + s.count("SELECT count(*) FROM campaign_plans") == 0);
  auto g = gate(s);
  g.admit(row, p);
  CHECK(row.planned_at == kNow);
  CHECK(s.count("SELECT count(*) FROM campaign_plans") == 1);
  Gate later(s.db(), GateRules{"winback"}, *parse_rfc3339("2026-03-11T12:00:00Z"));
  later.admit(row, p);
  CHECK(row.planned_at == kNow);  // the first planning is kept
  CHECK(*later.first_planned(row.target_key) == *parse_rfc3339(kNow));
}

TEST_CASE("due steps") {
  Instant t = *parse_rfc3339(kNow);
  std::vector<std::chrono::seconds> steps{std::chrono::hours(1), std::chrono::hours(24)};
  CHECK(due_step(t, t, steps) == 0);
  CHECK(due_step(t, t + std::chrono::hours(2), steps) == 1);
  CHECK(due_step(t, t + std::chrono::hours(30), steps) == 2);  // step 1 skipped, not sent late
}
