#pragma once
// Which products are consumables: re-bought by several customers at a regular interval. Refill mail
// features only these, never a durable good that a few people happened to buy twice. When the shop
// tags its products (tag `consumable` by default, email.refill.consumable_tag), the tag says which
// products are consumables; otherwise the purchase data does: the intervals between a customer's
// purchase days of the product are regular when their median absolute deviation is at most
// `max_interval_spread` of their median.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::campaigns {

struct RepeatPattern {
  std::int64_t repeat_customers = 0;  // customers who bought it on two days or more
  double median_interval_days = 0;
  double interval_spread = 0;  // median absolute deviation / median of the intervals
  bool tagged = false;         // carries the consumable tag
};

struct PurchaseHistory {
  std::unordered_map<std::int64_t, RepeatPattern> patterns;  // per product (of those asked about)
  // The last day (YYYY-MM-DD, UTC) each customer bought each of those products.
  std::map<std::pair<std::int64_t, std::int64_t>, std::string> last_bought;
  bool shop_uses_tag = false;  // some product carries the consumable tag: the tag decides
};

// One pass over the counted orders before `now`, for the products in `products` only.
PurchaseHistory purchase_history(store::Db& db, Instant now, const std::unordered_set<std::int64_t>& products,
                                 const std::string& consumable_tag);

bool is_consumable(const PurchaseHistory& history, std::int64_t product, std::int64_t min_repeat_customers,
                   double max_interval_spread);

}  // namespace shopkeep::analytics::campaigns
