#pragma once
// What the whole shop is buying lately: per product, the orders containing it in the days before a
// given day (shop-local), from the training orders only, never the basket's own day or later. The
// gift-shop data is seasonal: a customer's own products that the shop is buying right now are the
// ones they re-buy next.
#include <cstdint>
#include <vector>

#include "analytics/recommend/purchases.hpp"

namespace shopkeep::analytics::recommend {

class ShopTrend {
 public:
  ShopTrend() = default;
  ShopTrend(const std::vector<Purchase>& purchases, size_t items);

  // Orders containing `item` (or any order) in [before - days, before).
  std::int64_t orders_with(Item item, Instant before, int days) const;
  std::int64_t orders(Instant before, int days) const;

 private:
  static std::int64_t in_window(const std::vector<std::int64_t>& times, Instant before, int days);
  std::vector<std::vector<std::int64_t>> times_of_;  // per item, sorted order times (Unix seconds)
  std::vector<std::int64_t> all_times_;
};

}  // namespace shopkeep::analytics::recommend
