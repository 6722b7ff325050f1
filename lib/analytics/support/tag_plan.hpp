#pragma once
// What `support triage --apply` writes back to Zendesk: the tags shopkeep_escalate (escalated
// tickets only) and shopkeep_category_<category> (every open ticket), stale shopkeep_* tags removed,
// and, when support.escalate_priority is set, a higher priority for escalated tickets. Computed
// against the ticket's current tags, so applying twice changes nothing the second time.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/support/triage.hpp"

namespace shopkeep::analytics::support {

inline constexpr const char* kEscalateTag = "shopkeep_escalate";
inline constexpr const char* kCategoryTagPrefix = "shopkeep_category_";

struct TagChange {
  std::int64_t ticket_id = 0;
  std::vector<std::string> add, remove;
  std::vector<std::string> tags;  // the ticket's whole tag list after the change
  std::optional<std::string> priority_from, priority_to;
  std::string updated_stamp;  // the ticket's updated_at as last synced
};

// nullopt when the ticket already has what it should.
std::optional<TagChange> plan_tag_change(std::int64_t ticket_id, const std::vector<std::string>& current_tags,
                                         const std::string& current_priority, const Triage& triage,
                                         const std::optional<std::string>& escalate_priority,
                                         const std::string& updated_stamp);

// "+shopkeep_escalate -shopkeep_category_other +shopkeep_category_returns; priority normal -> high"
std::string describe(const TagChange& change);

}  // namespace shopkeep::analytics::support
