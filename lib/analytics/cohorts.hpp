#pragma once
// Cohort retention: customers grouped by the shop-local month of their first counted order, and how
// many of each cohort ordered again 1, 2, ... months later (the report's heat map).
#include <cstdint>
#include <vector>

#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics {

struct Cohort {
  Day month;                         // first day of the first-order month
  std::int64_t customers = 0;        // customers whose first order fell in that month
  std::vector<std::int64_t> active;  // active[k]: of them, how many ordered in month k after it (active[0] = all)
};

// Cohorts whose first order falls in [from, to), oldest first, each followed up to `to` and at most
// `max_offset` months; orders from `to` on are not counted. Customers are keyed by customer id.
std::vector<Cohort> cohort_retention(store::Db& db, const store::ShopSettings& shop, Instant from, Instant to,
                                     int max_offset = 12);

}  // namespace shopkeep::analytics
