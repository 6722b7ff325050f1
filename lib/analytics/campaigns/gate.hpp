#pragma once
// The rules every campaign applies before a message, shared by cart recovery, winback, refill and
// cross-sell, at planning time and again at send time: a usable address, not forgotten, consent,
// not a test customer, the frequency cap across campaigns, never a step twice (nor after a later
// one, nor over a message whose delivery is unknown), and the persistent holdout. Admitted rows are
// stored in campaign_plans, so reports judge the groups as they were assigned.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/campaigns/campaign.hpp"
#include "core/time.hpp"
#include "privacy/suppression.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::campaigns {

struct GateRules {
  std::string campaign;                       // holdout, plans and the send log are per campaign name
  bool transactional = false;                 // also without marketing consent (cart recovery may be)
  std::chrono::seconds frequency_cap{86400};  // no message if any campaign mailed them this recently
  double holdout_percent = 10;
  std::string test_tag = "test";  // customers with this tag are test data
  bool resend_unknown = false;    // --resend-unknown: a message of unknown outcome may go again
  bool record = true;             // false for dry runs: arms and plans are looked up, never stored
};

struct Person {
  std::optional<std::int64_t> customer_id;
  std::string email;                   // as stored
  std::optional<std::string> consent;  // customers.email_marketing_state
  bool test = false;                   // carries the test tag
};

class Gate {
 public:
  Gate(store::Db& db, GateRules rules, Instant now);
  const GateRules& rules() const { return rules_; }
  Instant now() const { return now_; }

  // no_email, invalid_email, suppressed (in this order).
  std::optional<std::string> address_exclusion(const Person& p) const;
  // no_consent: not SUBSCRIBED to email marketing (unless the campaign is transactional).
  std::optional<std::string> consent_exclusion(const Person& p) const;
  // test, the address checks, then consent: the order of every campaign but cart recovery.
  std::optional<std::string> person_exclusion(const Person& p) const;
  // already_contacted (this step or a later one was sent, or is being sent), unknown (this step's
  // delivery is unknown; --resend-unknown lifts it), refused (the server refused this address for
  // this step with a 5xx) or frequency_cap (any other message to them within the cap) for step
  // `step` of `target_key`.
  std::optional<std::string> contact_exclusion(const std::string& target_key, int step, const std::string& email);

  // For campaigns whose clock starts when a person first qualifies (winback, refill): sets row.step to
  // the step due now, counted from the target's first planning, or returns why none may go
  // (not_due, or a contact exclusion).
  std::optional<std::string> assign_due_step(PlanRow& row, const std::vector<std::chrono::seconds>& delays);

  // Completes a row that passed every check: the person's arm (drawn and stored on first sight),
  // the plan stored (the first planning of a target's step is kept), group, reason, planned_at.
  void admit(PlanRow& row, const Person& p);
  // When step 1 of a target was first planned, if ever: where campaigns whose clock starts when a
  // person qualifies count their step delays from.
  std::optional<Instant> first_planned(const std::string& target_key);

  // The person as the store says now (consent, test tag), for the send-time re-check.
  Person current_person(std::optional<std::int64_t> customer_id, const std::string& email);
  // Every check again, from the store as it is now (suppressions re-read): what `email send` asks
  // right before each message.
  std::optional<std::string> recheck(const PlanRow& row);

 private:
  bool suppressed_now(const Person& p);

  store::Db& db_;
  GateRules rules_;
  Instant now_;
  privacy::SuppressionFilter suppressions_;
  store::Stmt contacted_, capped_, record_, planned_, first_planned_, person_;
};

// The latest step whose delay after `anchor` has passed (1-based), 0 when none has: earlier steps
// that were never sent are skipped, not sent late.
int due_step(Instant anchor, Instant now, const std::vector<std::chrono::seconds>& delays);

}  // namespace shopkeep::analytics::campaigns
