#pragma once
// The [restock] config section and the flags that override it: lead times (per vendor, per product
// type, default 14 days), the horizon an order should cover (30 days), the service level (0.95) and
// the cover beyond which stock counts as overstock (180 days). Precedence: a flag beats the vendor's
// lead time, which beats the product type's, which beats restock.lead_time_days.
#include <map>
#include <optional>
#include <string>

#include "analytics/restock/variant_demand.hpp"
#include "core/config.hpp"

namespace shopkeep::analytics::restock {

constexpr int kMaxDays = 3650;  // ten years: anything longer is a typo

struct RestockSettings {
  int lead_time_days = 14;
  std::optional<int> lead_time_flag;
  std::map<std::string, int> lead_time_by_vendor, lead_time_by_product_type;
  int horizon_days = 30;
  double service_level = 0.95;
  double overstock_days = 180;

  int lead_time_for(const VariantFacts& variant) const;
};

// Throws a usage error (exit 2) naming the key for a value out of range.
RestockSettings load_restock_settings(const Config& config);

// A number of days given as `what` (flag or config key): positive, finite, at most ten years;
// fractions round up to whole days. Throws a usage error otherwise.
int whole_days(double days, const std::string& what);
// A service level strictly between 0 and 1. Throws a usage error otherwise.
double service_level_value(double p, const std::string& what);

}  // namespace shopkeep::analytics::restock
