#include "analytics/campaigns/campaign.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace shopkeep::analytics::campaigns {

const std::vector<Kind>& all_kinds() {
  static const std::vector<Kind> kinds = {Kind::cart_recovery, Kind::winback, Kind::refill, Kind::cross_sell};
  return kinds;
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::cart_recovery: return "cart-recovery";
    case Kind::winback: return "winback";
    case Kind::refill: return "refill";
    case Kind::cross_sell: return "cross-sell";
  }
  return "cart-recovery";
}

Kind parse_kind(std::string_view name) {
  for (Kind k : all_kinds())
    if (name == kind_name(k)) return k;
  throw usage_error("unknown campaign '" + std::string(name) + "'",
                    "choose cart-recovery, winback, refill or cross-sell");
}

std::string subject_key(const std::string& target_key, int step) {
  return target_key + ":step:" + std::to_string(step);
}

std::string PlanRow::subject_key() const { return campaigns::subject_key(target_key, step.value_or(0)); }

nlohmann::ordered_json to_json(const PlanRow& r) {
  using Json = nlohmann::ordered_json;
  Json row;
  row["campaign"] = r.campaign;
  row["customer_id"] = r.customer_id ? Json(*r.customer_id) : Json();
  row["email"] = r.email.empty() ? Json() : Json(r.email);
  row["step"] = r.step ? Json(*r.step) : Json();
  row["group"] = r.group ? Json(*r.group) : Json();
  row["excluded"] = r.excluded();
  row["reason"] = r.reason;
  row["items"] = r.items;
  row["incentive"] = r.excluded() ? Json() : Json(r.incentive);
  row["planned_at"] = r.planned_at.empty() ? Json() : Json(r.planned_at);
  if (r.campaign == kind_name(Kind::cart_recovery) || r.checkout_id) {
    row["checkout_id"] = r.checkout_id ? Json(*r.checkout_id) : Json();
    row["recovery_url"] = r.recovery_url ? Json(*r.recovery_url) : Json();
  }
  row["segment"] = r.segment.empty() ? Json() : Json(r.segment);
  row["detail"] = r.detail.empty() ? Json() : Json(r.detail);
  return row;
}

}  // namespace shopkeep::analytics::campaigns
