#pragma once
// What a cart is compared with: the shop's AOV and the spend that makes a customer a VIP.
#include <cstdint>
#include <optional>

#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::carts {

struct ShopBaseline {
  std::int64_t aov = 0;  // minor units; Shopify's (gross - discounts) / orders, last 365 days
};

ShopBaseline shop_baseline(store::Db& db, Instant now, int currency_exponent);

struct CustomerHistory {
  std::int64_t orders = 0;
  std::int64_t spend = 0;              // minor units, orders before now
  std::int64_t discounted_orders = 0;  // orders with at least one discount code
};

// Orders that count (data.md) before `now`, by customer id or, for guests, email.
CustomerHistory customer_history(store::Db& db, std::optional<std::int64_t> customer_id, const std::string& email,
                                 Instant now, int currency_exponent);

}  // namespace shopkeep::analytics::carts
