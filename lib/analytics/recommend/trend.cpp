#include "analytics/recommend/trend.hpp"

#include <algorithm>

namespace shopkeep::analytics::recommend {

ShopTrend::ShopTrend(const std::vector<Purchase>& purchases, size_t items) : times_of_(items) {
  all_times_.reserve(purchases.size());
  for (const auto& p : purchases) {  // oldest first, so every list is sorted as it grows
    std::int64_t t = p.at.time_since_epoch().count();
    all_times_.push_back(t);
    for (Item i : p.items) times_of_[i].push_back(t);
  }
  std::sort(all_times_.begin(), all_times_.end());
  for (auto& times : times_of_) std::sort(times.begin(), times.end());
}

std::int64_t ShopTrend::in_window(const std::vector<std::int64_t>& times, Instant before, int days) {
  std::int64_t end = before.time_since_epoch().count();
  std::int64_t start = end - static_cast<std::int64_t>(days) * 86400;
  return std::lower_bound(times.begin(), times.end(), end) - std::lower_bound(times.begin(), times.end(), start);
}

std::int64_t ShopTrend::orders_with(Item item, Instant before, int days) const {
  return in_window(times_of_[static_cast<size_t>(item)], before, days);
}

std::int64_t ShopTrend::orders(Instant before, int days) const { return in_window(all_times_, before, days); }

}  // namespace shopkeep::analytics::recommend
