#pragma once
// `shopkeep carts report`: recovery in treatment vs holdout for the checkouts the plans
// assigned, the uplift and whether it is significant (cli.md).
#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::carts {

struct ReportOptions {
  std::string campaign = "cart-recovery";
  std::optional<Instant> from, to;  // on when the checkout was planned; from inclusive, to exclusive
  std::chrono::seconds window{7 * 86400};
  Instant now;
};

nlohmann::ordered_json cart_report(store::Db& db, const ReportOptions& options, const store::ShopSettings& shop);

}  // namespace shopkeep::analytics::carts
