#include "analytics/campaigns/comparison.hpp"

#include <nlohmann/json.hpp>

#include "analytics/uplift_stats.hpp"

namespace shopkeep::analytics::campaigns {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::int64_t kMinimumGroup = 30;

Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(); }

UpliftStats stats_of(const ArmTotals& t, const ArmTotals& h) {
  return compare_proportions(t.converted, t.units, h.converted, h.units);
}

}  // namespace

void add_uplift(Json& r, const ArmTotals& t, const ArmTotals& h) {
  bool comparable = t.units > 0 && h.units > 0;
  auto stats = stats_of(t, h);
  r["uplift_absolute"] = comparable ? Json(stats.uplift_absolute) : Json();
  r["uplift_relative"] = comparable ? optional_number(stats.uplift_relative) : Json();
  r["p_value"] = comparable ? optional_number(stats.p_value) : Json();
  r["ci_low"] = comparable ? optional_number(stats.ci_low) : Json();
  r["ci_high"] = comparable ? optional_number(stats.ci_high) : Json();
}

void add_verdict(Json& r, const ArmTotals& t, const ArmTotals& h, const std::string& units) {
  auto stats = stats_of(t, h);
  r["conclusive"] = stats.conclusive;
  if (stats.conclusive) return;
  r["note"] = (t.units < kMinimumGroup || h.units < kMinimumGroup)
                  ? "too few " + units + " to conclude: at least 30 in each group are needed (treatment " +
                        std::to_string(t.units) + ", holdout " + std::to_string(h.units) + ")"
                  : "no significant difference at the 5% level";
}

}  // namespace shopkeep::analytics::campaigns
