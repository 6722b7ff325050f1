#pragma once
// The four email campaigns and one row of a campaign's plan: who gets which step of which
// message now, or why not (cli.md `email plan --json`).
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shopkeep::analytics::campaigns {

enum class Kind { cart_recovery, winback, refill, cross_sell };

// "cart-recovery", "winback", "refill", "cross-sell"; a usage error naming the four otherwise.
Kind parse_kind(std::string_view name);
const char* kind_name(Kind kind);
const std::vector<Kind>& all_kinds();

struct PlanRow {
  std::string campaign;
  // What the message is about, unique within the campaign: checkout:ID (cart-recovery),
  // customer:ID:since:DAY (winback), customer:ID:refill:DAY (refill), order:ID (cross-sell).
  std::string target_key;
  std::optional<std::int64_t> customer_id;
  std::string email;                        // as stored; empty when there is none
  std::string first_name;                   // empty when unknown (templates fall back)
  std::optional<int> step;                  // 1-based; none when excluded
  std::optional<std::string> group;         // "treatment" or "holdout"; none when excluded
  std::string reason;                       // exclusion code, or "due" / "holdout"
  std::vector<std::int64_t> items;          // product ids: the cart, the refills, the recommendations
  std::string incentive = "none";           // "none", "free_shipping", "10%"
  std::string planned_at;                   // when this step was first planned (RFC 3339); empty when excluded
  std::optional<std::int64_t> checkout_id;  // cart-recovery only
  std::optional<std::string> recovery_url;  // cart-recovery only
  std::string segment;                      // the campaign's own segment (cart segment, RFM segment)
  std::string detail;                       // why they qualify, in words

  bool excluded() const { return !step.has_value(); }
  bool treatment() const { return group && *group == "treatment"; }
  // email_log's subject key: "<target_key>:step:<step>".
  std::string subject_key() const;
};

// One object with every key of cli.md (`checkout_id` and `recovery_url` on cart-recovery rows).
nlohmann::ordered_json to_json(const PlanRow& row);

// The subject key of a step of a target.
std::string subject_key(const std::string& target_key, int step);

}  // namespace shopkeep::analytics::campaigns
