#include "analytics/campaigns/gate.hpp"

#include <nlohmann/json.hpp>

#include "analytics/holdout.hpp"
#include "core/email_address.hpp"

namespace shopkeep::analytics::campaigns {

namespace {

// The statuses that mean a message may have reached the person.
constexpr const char* kMaybeDelivered = "('sent', 'sending', 'unknown')";

}  // namespace

Gate::Gate(store::Db& db, GateRules rules, Instant now)
    : db_(db),
      rules_(std::move(rules)),
      now_(now),
      suppressions_(db),
      contacted_(db,
                 "SELECT step, status, lower(trim(recipient)), coalesce(smtp_reply, '') FROM email_log "
                 "WHERE campaign = ?1 AND target_key = ?2 AND step >= ?3 "
                 "AND status IN ('sent', 'sending', 'unknown', 'failed')"),
      capped_(db, std::string("SELECT 1 FROM email_log WHERE lower(trim(recipient)) = ?1 AND status IN ") +
                      kMaybeDelivered +
                      " AND coalesce(sent_at, updated_at, created_at) >= ?2 "
                      "AND NOT (campaign = ?3 AND target_key IS ?4 AND step IS ?5) LIMIT 1"),
      record_(db,
              "INSERT OR IGNORE INTO campaign_plans (campaign, target_key, step, customer_id, email, arm, segment, "
              "incentive, items, planned_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
      planned_(db, "SELECT planned_at FROM campaign_plans WHERE campaign = ?1 AND target_key = ?2 AND step = ?3"),
      first_planned_(db, "SELECT min(planned_at) FROM campaign_plans WHERE campaign = ?1 AND target_key = ?2"),
      person_(db,
              "SELECT email, email_marketing_state, EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(tags) THEN "
              "tags ELSE '[]' END) WHERE lower(value) = lower(?2)) FROM customers WHERE id = ?1 AND deleted_at IS "
              "NULL") {}

std::optional<std::string> Gate::address_exclusion(const Person& p) const {
  std::string email = privacy::normalise_email(p.email);
  if (email.empty()) return "no_email";
  if (!is_valid_email(email)) return "invalid_email";
  if (suppressions_.email(email) || (p.customer_id && suppressions_.id("shopify_customer", *p.customer_id)))
    return "suppressed";
  return std::nullopt;
}

std::optional<std::string> Gate::consent_exclusion(const Person& p) const {
  if (!rules_.transactional && p.consent.value_or("") != "SUBSCRIBED") return "no_consent";
  return std::nullopt;
}

std::optional<std::string> Gate::person_exclusion(const Person& p) const {
  if (p.test) return "test";
  if (auto reason = address_exclusion(p)) return reason;
  return consent_exclusion(p);
}

std::optional<std::string> Gate::contact_exclusion(const std::string& target_key, int step, const std::string& email) {
  contacted_.reset();
  contacted_.bind(1, rules_.campaign).bind(2, target_key).bind(3, step);
  bool unknown_here = false, refused_here = false;
  std::string who = privacy::normalise_email(email);
  while (contacted_.step()) {
    std::string status = contacted_.get_text(1);
    bool this_step = contacted_.get_int(0) == step;
    if (status == "failed") {
      // A permanent refusal (5xx) of this address is not tried again; a transient failure is.
      refused_here |= this_step && contacted_.get_text(2) == who && contacted_.get_text(3).rfind('5', 0) == 0;
      continue;
    }
    if (status != "unknown" || !this_step) return "already_contacted";
    unknown_here = true;
  }
  if (unknown_here && !rules_.resend_unknown) return "unknown";
  if (refused_here) return "refused";
  capped_.reset();
  capped_.bind(1, privacy::normalise_email(email)).bind(2, format_rfc3339(now_ - rules_.frequency_cap));
  capped_.bind(3, rules_.campaign).bind(4, target_key).bind(5, step);
  if (capped_.step()) return "frequency_cap";
  return std::nullopt;
}

void Gate::admit(PlanRow& row, const Person& p) {
  std::string subject = holdout_subject(p.customer_id, p.email);
  std::string arm =
      rules_.record ? assign_arm(db_, rules_.campaign, subject, p.customer_id, p.email, rules_.holdout_percent, now_)
                    : peek_arm(db_, rules_.campaign, subject, rules_.holdout_percent);
  row.group = arm;
  row.reason = arm == "holdout" ? "holdout" : "due";
  if (rules_.record) {
    record_.reset();
    record_.bind(1, rules_.campaign).bind(2, row.target_key).bind(3, *row.step).bind(4, row.customer_id);
    record_.bind(5, privacy::normalise_email(row.email)).bind(6, arm);
    record_.bind(7, row.segment).bind(8, row.incentive).bind(9, nlohmann::json(row.items).dump());
    record_.bind(10, format_rfc3339(now_));
    record_.run();
  }
  planned_.reset();
  planned_.bind(1, rules_.campaign).bind(2, row.target_key).bind(3, *row.step);
  row.planned_at = planned_.step() ? planned_.get_text(0) : format_rfc3339(now_);
}

std::optional<Instant> Gate::first_planned(const std::string& target_key) {
  first_planned_.reset();
  first_planned_.bind(1, rules_.campaign).bind(2, target_key);
  if (!first_planned_.step() || first_planned_.is_null(0)) return std::nullopt;
  return parse_rfc3339(first_planned_.get_text(0));
}

Person Gate::current_person(std::optional<std::int64_t> customer_id, const std::string& email) {
  Person p{customer_id, email, std::nullopt, false};
  if (!customer_id) return p;
  person_.reset();
  person_.bind(1, *customer_id).bind(2, rules_.test_tag);
  if (person_.step()) {
    if (p.email.empty()) p.email = person_.get_text(0);
    p.consent = person_.get_opt_text(1);
    p.test = person_.get_int(2) != 0;
  }
  return p;
}

bool Gate::suppressed_now(const Person& p) {
  store::Stmt s(db_, "SELECT 1 FROM suppressions WHERE hash = ?1 OR hash = ?2 LIMIT 1");
  s.bind(1, privacy::suppression_hash("email", privacy::normalise_email(p.email)));
  s.bind(2,
         p.customer_id ? privacy::suppression_hash("shopify_customer", std::to_string(*p.customer_id)) : std::string());
  return s.step();
}

std::optional<std::string> Gate::recheck(const PlanRow& row) {
  Person p = current_person(row.customer_id, row.email);
  if (p.test) return "test";
  std::string email = privacy::normalise_email(p.email);
  if (email.empty()) return "no_email";
  if (!is_valid_email(email)) return "invalid_email";
  if (suppressed_now(p)) return "suppressed";
  if (auto reason = consent_exclusion(p)) return reason;
  return contact_exclusion(row.target_key, *row.step, row.email);
}

std::optional<std::string> Gate::assign_due_step(PlanRow& row, const std::vector<std::chrono::seconds>& delays) {
  Instant anchor = first_planned(row.target_key).value_or(now_);
  int step = due_step(anchor, now_, delays);
  if (step == 0) return "not_due";
  if (auto contact = contact_exclusion(row.target_key, step, row.email)) return contact;
  row.step = step;
  return std::nullopt;
}

int due_step(Instant anchor, Instant now, const std::vector<std::chrono::seconds>& delays) {
  auto age = now - anchor;
  int step = 0;
  for (size_t i = 0; i < delays.size(); ++i)
    if (age >= delays[i]) step = static_cast<int>(i) + 1;
  return step;
}

}  // namespace shopkeep::analytics::campaigns
