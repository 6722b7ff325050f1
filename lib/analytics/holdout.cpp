#include "analytics/holdout.hpp"

#include "core/sha256.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::analytics {

std::string holdout_subject(std::optional<std::int64_t> customer_id, const std::string& email) {
  if (customer_id) return "customer:" + std::to_string(*customer_id);
  return "email:" + privacy::normalise_email(email);
}

double holdout_draw(const std::string& campaign, const std::string& subject) {
  std::string digest = sha256_hex(campaign + '\n' + subject);
  std::uint64_t value = std::stoull(digest.substr(0, 13), nullptr, 16);  // 52 bits
  return static_cast<double>(value) / static_cast<double>(1ULL << 52) * 100.0;
}

std::string assign_arm(store::Db& db, const std::string& campaign, const std::string& subject,
                       std::optional<std::int64_t> customer_id, const std::string& email, double holdout_percent,
                       Instant now) {
  store::Stmt find(db, "SELECT arm FROM holdout WHERE campaign = ?1 AND subject_key = ?2");
  find.bind(1, campaign).bind(2, subject);
  if (find.step()) return find.get_text(0);
  std::string arm = holdout_draw(campaign, subject) < holdout_percent ? "holdout" : "treatment";
  store::Stmt insert(db,
                     "INSERT INTO holdout (campaign, subject_key, customer_id, email, arm, assigned_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind(1, campaign).bind(2, subject).bind(3, customer_id).bind(4, privacy::normalise_email(email));
  insert.bind(5, arm).bind(6, format_rfc3339(now));
  insert.run();
  return arm;
}

std::string peek_arm(store::Db& db, const std::string& campaign, const std::string& subject, double holdout_percent) {
  store::Stmt find(db, "SELECT arm FROM holdout WHERE campaign = ?1 AND subject_key = ?2");
  find.bind(1, campaign).bind(2, subject);
  if (find.step()) return find.get_text(0);
  return holdout_draw(campaign, subject) < holdout_percent ? "holdout" : "treatment";
}

}  // namespace shopkeep::analytics
