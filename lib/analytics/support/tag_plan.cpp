#include "analytics/support/tag_plan.hpp"

#include <algorithm>

namespace shopkeep::analytics::support {

namespace {

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::optional<TagChange> plan_tag_change(std::int64_t ticket_id, const std::vector<std::string>& current_tags,
                                         const std::string& current_priority, const Triage& triage,
                                         const std::optional<std::string>& escalate_priority,
                                         const std::string& updated_stamp) {
  TagChange change;
  change.ticket_id = ticket_id;
  change.updated_stamp = updated_stamp;
  std::string category_tag = kCategoryTagPrefix + triage.category;
  for (const auto& tag : current_tags) {
    bool stale_category = tag.rfind(kCategoryTagPrefix, 0) == 0 && tag != category_tag;
    bool stale_escalate = tag == kEscalateTag && !triage.escalate;
    if (stale_category || stale_escalate)
      change.remove.push_back(tag);
    else if (!has(change.tags, tag))
      change.tags.push_back(tag);
  }
  if (triage.escalate && !has(current_tags, kEscalateTag)) change.add.push_back(kEscalateTag);
  if (!has(current_tags, category_tag)) change.add.push_back(category_tag);
  for (const auto& tag : change.add) change.tags.push_back(tag);
  if (triage.escalate && escalate_priority && priority_rank(current_priority) < priority_rank(*escalate_priority)) {
    change.priority_from = current_priority;
    change.priority_to = *escalate_priority;
  }
  if (change.add.empty() && change.remove.empty() && !change.priority_to) return std::nullopt;
  return change;
}

std::string describe(const TagChange& change) {
  std::string text;
  for (const auto& tag : change.add) text += (text.empty() ? "+" : " +") + tag;
  for (const auto& tag : change.remove) text += (text.empty() ? "-" : " -") + tag;
  if (change.priority_to)
    text += (text.empty() ? "" : "; ") + std::string("priority ") +
            (change.priority_from->empty() ? "(none)" : *change.priority_from) + " -> " + *change.priority_to;
  return text;
}

}  // namespace shopkeep::analytics::support
