#pragma once
// `shopkeep carts`: which abandoned checkouts to chase now, with which step and incentive, and
// which of them are held out to prove the uplift. The assignments are stored (cart_plans,
// holdout) so that `carts report` judges the groups as they were assigned.
#include <nlohmann/json.hpp>

#include <string>

#include "analytics/carts/cart_config.hpp"
#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::carts {

struct PlanOptions {
  std::string campaign = "cart-recovery";
  Instant now;
  bool include_excluded = false;  // --all
};

// One row per checkout (cli.md `carts --json`), oldest activity first.
nlohmann::ordered_json plan_carts(store::Db& db, const PlanOptions& options, const CartConfig& config,
                                  const store::ShopSettings& shop);

}  // namespace shopkeep::analytics::carts
