#pragma once
// Reads what restock needs from the store: per variant its catalog facts and its daily demand
// history (units = coalesce(current_quantity, quantity) of the lines of counted_orders, per
// shop-local day, before `now`), with stockout days censored from the inventory snapshots and the
// current stock, taken as the stock at the end of the day of `now` (stockout_censoring.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/restock/demand_history.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::restock {

struct VariantFacts {
  std::int64_t variant_id = 0, product_id = 0;
  std::optional<std::string> sku;
  std::string title;                    // "Product / Variant" ("Product" for a default variant)
  std::optional<std::int64_t> on_hand;  // NULL: inventory not tracked
  std::optional<std::string> price, unit_cost, unit_cost_currency;
  std::string vendor, product_type;
  bool active = false;  // product ACTIVE
};

struct VariantDemand {
  VariantFacts facts;
  DemandHistory history;  // days [first_day, day of now)
  double units_sold = 0;  // over the whole history
  int censored_days = 0;
};

enum class VariantScope {
  tracked_active,  // restock: variants of active products with tracked inventory
  with_sales,      // evaluate: every live variant that sold before now
};

std::vector<VariantDemand> load_variant_demand(store::Db& db, const store::ShopSettings& shop, Instant now,
                                               VariantScope scope);

}  // namespace shopkeep::analytics::restock
