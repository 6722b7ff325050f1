#include "analytics/restock/stockout_censoring.hpp"

#include <algorithm>
#include <limits>

namespace shopkeep::analytics::restock {

std::vector<bool> censored_days(const std::vector<double>& sold, const std::vector<StockObservation>& observations) {
  const int days = static_cast<int>(sold.size());
  constexpr double kUnknown = std::numeric_limits<double>::infinity();
  std::vector<double> seen(static_cast<size_t>(days), kUnknown);  // the lowest stock observed at each day's end
  for (const auto& o : observations)
    if (o.day >= 0 && o.day < days) seen[o.day] = std::min(seen[o.day], o.on_hand);
  std::vector<bool> censored(static_cast<size_t>(days), false);
  double bound = kUnknown;  // upper bound of the stock at the end of day d
  for (int d = days - 1; d >= 0; --d) {
    if (d + 1 < days) bound += sold[d + 1];  // infinity stays infinity
    bound = std::min(bound, seen[d]);
    censored[d] = bound <= 0;
  }
  // Forward: once seen with no stock, a variant stays out until it sells again or is seen with stock.
  bool out = false;
  for (int d = 0; d < days; ++d) {
    if (sold[d] > 0 || (seen[d] > 0 && seen[d] != kUnknown)) out = false;
    if (out) censored[d] = true;
    if (seen[d] <= 0) out = true;
  }
  return censored;
}

}  // namespace shopkeep::analytics::restock
