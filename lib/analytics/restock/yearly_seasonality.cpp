#include "analytics/restock/yearly_seasonality.hpp"

#include <algorithm>

#include "analytics/restock/seasonal_naive.hpp"

namespace shopkeep::analytics::restock {

std::optional<double> yearly_ratio(const DemandHistory& history, int origin, int horizon) {
  constexpr int kBefore = 56;
  int ahead_from = origin - kYearDays;
  int before_from = ahead_from - kBefore;
  if (before_from < 0 || horizon > kYearDays) return std::nullopt;
  int ahead_seen = history.observed_days_between(ahead_from, ahead_from + horizon);
  int before_seen = history.observed_days_between(before_from, ahead_from);
  if (2 * ahead_seen < horizon || 2 * before_seen < kBefore) return std::nullopt;
  double ahead = history.units_between(ahead_from, ahead_from + horizon) / ahead_seen;
  double before = history.units_between(before_from, ahead_from) / before_seen;
  if (ahead <= 0 && before <= 0) return std::nullopt;
  // A little demand on both sides keeps one lucky week from making a tenfold ratio.
  double floor = 0.1 * std::max(ahead, before);
  double raw = (ahead + floor) / (before + floor);
  double demand_days = 0;
  for (int d = before_from; d < ahead_from + horizon && d < origin; ++d)
    if (!history.censored(d) && history.units(d) > 0) ++demand_days;
  double weight = demand_days / (demand_days + 20.0);
  return std::clamp(1.0 + weight * (raw - 1.0), 0.25, 4.0);
}

}  // namespace shopkeep::analytics::restock
