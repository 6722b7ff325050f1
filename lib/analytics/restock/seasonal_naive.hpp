#pragma once
// Seasonal naive forecasts: each future day repeats the same day of the last season. Weekly: the
// last observed day with the same weekday. Yearly: the same day 52 weeks (364 days, so weekdays
// line up) earlier, which needs a year of history.
#include <optional>
#include <vector>

#include "analytics/restock/demand_history.hpp"

namespace shopkeep::analytics::restock {

// Daily path for [origin, origin + horizon): per day the units of the most recent uncensored day
// before origin with the same weekday (looking back at most 8 weeks; none: the 8-week rate).
std::vector<double> weekly_seasonal_naive(const DemandHistory& history, int origin, int horizon);

constexpr int kYearDays = 364;

// Daily path from 364 days earlier; a censored day there takes the mean of that window's observed
// days. nullopt when the history does not reach back a year before origin, the horizon is longer
// than a year, or fewer than half of last year's days were observed.
std::optional<std::vector<double>> yearly_seasonal_naive(const DemandHistory& history, int origin, int horizon);

}  // namespace shopkeep::analytics::restock
