#pragma once
// A deterministic, persistent random holdout per campaign and person: the same person always
// lands in the same arm of a campaign, and the first assignment is stored and kept even if the
// holdout share is changed later.
#include <optional>
#include <string>

#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics {

// "customer:ID", or "email:ADDRESS" (normalised) for someone without a customer record.
std::string holdout_subject(std::optional<std::int64_t> customer_id, const std::string& email);

// A stable number in [0, 100) from campaign and subject (SHA-256 based, same on every machine).
double holdout_draw(const std::string& campaign, const std::string& subject);

// "treatment" or "holdout": the stored arm, or a new draw stored now.
std::string assign_arm(store::Db& db, const std::string& campaign, const std::string& subject,
                       std::optional<std::int64_t> customer_id, const std::string& email, double holdout_percent,
                       Instant now);

// The stored arm, or the one a first assignment would store, writing nothing (for dry runs).
std::string peek_arm(store::Db& db, const std::string& campaign, const std::string& subject, double holdout_percent);

}  // namespace shopkeep::analytics
