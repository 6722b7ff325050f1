#pragma once
// `shopkeep carts`: which abandoned checkouts to chase now, with which step and incentive, and
// which of them are held out to prove the uplift. The cart-recovery campaign of `email plan`: the
// shared campaign rules (analytics/campaigns/gate.hpp) decide consent, suppression, frequency cap,
// steps never sent twice and the persistent holdout; the assignments are stored (campaign_plans)
// so that `carts report` and `email report` judge the groups as they were assigned.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "analytics/campaigns/campaign.hpp"
#include "analytics/carts/cart_config.hpp"
#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::carts {

struct PlanOptions {
  std::string campaign = "cart-recovery";
  Instant now;
  bool include_excluded = false;  // --all
  bool resend_unknown = false;    // email send --resend-unknown
  bool record = true;             // false: a dry run (arms and plans looked up, never stored)
};

// One checkout: the campaign row (person, step, group, reason, items, incentive, recovery URL)
// plus what `carts` shows about the cart itself.
struct CartRow {
  campaigns::PlanRow plan;
  std::string total_price, currency, last_activity_at;
  std::optional<std::string> customer_type, cart_value;  // new/returning/vip, low/mid/high
  std::optional<double> discount_affinity;
};

// cli.md `carts --json`: every key on every row.
nlohmann::ordered_json to_json(const CartRow& row);

// One row per considered checkout (excluded ones only with include_excluded), oldest activity first.
std::vector<CartRow> plan_carts(store::Db& db, const PlanOptions& options, const CartConfig& config,
                                const store::ShopSettings& shop);

// The same as a `carts --json` listing.
nlohmann::ordered_json plan_carts_json(store::Db& db, const PlanOptions& options, const CartConfig& config,
                                       const store::ShopSettings& shop);

}  // namespace shopkeep::analytics::carts
