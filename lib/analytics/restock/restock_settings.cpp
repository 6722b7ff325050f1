#include "analytics/restock/restock_settings.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"

namespace shopkeep::analytics::restock {

int whole_days(double days, const std::string& what) {
  if (!std::isfinite(days) || days <= 0 || days > kMaxDays)
    throw usage_error(what + ": " + fmt::format("{}", days) + " is not a number of days",
                      "give a positive number of days, at most " + std::to_string(kMaxDays));
  return static_cast<int>(std::ceil(days - 1e-9));
}

double service_level_value(double p, const std::string& what) {
  if (!std::isfinite(p) || p <= 0 || p >= 1)
    throw usage_error(what + ": " + fmt::format("{}", p) + " is not a service level", "give a probability, e.g. 0.95");
  return p;
}

int RestockSettings::lead_time_for(const VariantFacts& variant) const {
  if (lead_time_flag) return *lead_time_flag;
  if (auto it = lead_time_by_vendor.find(variant.vendor); it != lead_time_by_vendor.end()) return it->second;
  if (auto it = lead_time_by_product_type.find(variant.product_type); it != lead_time_by_product_type.end())
    return it->second;
  return lead_time_days;
}

RestockSettings load_restock_settings(const Config& config) {
  RestockSettings s;
  if (auto v = config.get_number("restock.lead_time_days")) s.lead_time_days = whole_days(*v, "restock.lead_time_days");
  if (auto v = config.get_number("restock.horizon_days")) s.horizon_days = whole_days(*v, "restock.horizon_days");
  if (auto v = config.get_number("restock.service_level"))
    s.service_level = service_level_value(*v, "restock.service_level");
  if (auto v = config.get_number("restock.overstock_days")) s.overstock_days = whole_days(*v, "restock.overstock_days");
  for (const auto& [name, days] : config.get_number_table("restock.lead_time_by_vendor"))
    s.lead_time_by_vendor[name] = whole_days(days, "restock.lead_time_by_vendor." + name);
  for (const auto& [name, days] : config.get_number_table("restock.lead_time_by_product_type"))
    s.lead_time_by_product_type[name] = whole_days(days, "restock.lead_time_by_product_type." + name);
  return s;
}

}  // namespace shopkeep::analytics::restock
