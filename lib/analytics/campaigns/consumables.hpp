#pragma once
// Which products are consumables: re-bought by several customers at a regular interval. Refill mail
// features only these, never a durable good that a few people happened to buy twice.
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
  double mean_interval_days = 0;
  double interval_cv = 0;  // standard deviation / mean of the intervals between a customer's purchase days
};

struct PurchaseHistory {
  std::unordered_map<std::int64_t, RepeatPattern> patterns;  // per product (of those asked about)
  // The last day (YYYY-MM-DD, UTC) each customer bought each of those products.
  std::map<std::pair<std::int64_t, std::int64_t>, std::string> last_bought;
};

// One pass over the counted orders before `now`, for the products in `products` only.
PurchaseHistory purchase_history(store::Db& db, Instant now, const std::unordered_set<std::int64_t>& products);

bool is_consumable(const RepeatPattern& p, std::int64_t min_repeat_customers, double max_interval_cv);

}  // namespace shopkeep::analytics::campaigns
