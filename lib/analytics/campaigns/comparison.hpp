#pragma once
// Treatment against holdout, as `carts report` and `email report` both state it: the uplift of the
// conversion rate, its two-proportion z-test p-value and 95% Wald interval (analytics/uplift_stats),
// and a verdict in words when the evidence is not enough.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace shopkeep::analytics::campaigns {

struct ArmTotals {
  std::int64_t units = 0;      // checkouts or recipients
  std::int64_t converted = 0;  // recovered or converted
  std::int64_t revenue = 0;    // minor units
  std::int64_t discounts = 0;  // minor units given away on the converting orders
};

// Adds uplift_absolute, uplift_relative, p_value, ci_low, ci_high (null without both groups).
void add_uplift(nlohmann::ordered_json& report, const ArmTotals& treatment, const ArmTotals& holdout);

// Adds conclusive (p < 0.05 with at least 30 in each group) and, when not, a `note` in words
// naming `units` ("checkouts", "recipients").
void add_verdict(nlohmann::ordered_json& report, const ArmTotals& treatment, const ArmTotals& holdout,
                 const std::string& units);

}  // namespace shopkeep::analytics::campaigns
