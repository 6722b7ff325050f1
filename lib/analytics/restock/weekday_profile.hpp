#pragma once
// Day-of-week seasonality: a shop that ships nothing on Sundays (or sells most on Mondays) should
// see that in the daily forecast, so the stockout date lands on the right day. The profile only
// moves demand between the days of a week: a week's total stays what the method forecast.
#include <array>
#include <optional>

#include "analytics/restock/demand_history.hpp"

namespace shopkeep::analytics::restock {

using WeekdayProfile = std::array<double, 7>;  // Monday..Sunday, mean 1

// From the last 52 weeks before origin: per weekday the mean units per observed day over the overall
// mean, shrunk towards 1 by the number of demand days (d / (d + 50)). Only when the weekdays differ
// for real: the days with a demand per weekday fail a chi-square test of "no weekday effect" at 1%
// (6 degrees of freedom, 16.81) with at least 28 demand days; nullopt otherwise.
std::optional<WeekdayProfile> weekday_profile(const DemandHistory& history, int origin);

// Multiplies each day of a path starting at `origin` by its weekday's index.
void apply_weekday_profile(const WeekdayProfile& profile, const DemandHistory& history, int origin,
                           std::vector<double>& path);

}  // namespace shopkeep::analytics::restock
