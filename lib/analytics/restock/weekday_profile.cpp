#include "analytics/restock/weekday_profile.hpp"

#include <algorithm>

namespace shopkeep::analytics::restock {

namespace {
constexpr double kChiSquare6At1Percent = 16.81;
constexpr double kMinimumDemandDays = 28;
}  // namespace

std::optional<WeekdayProfile> weekday_profile(const DemandHistory& history, int origin) {
  std::array<double, 7> units{}, days{}, demand_days{};
  for (int d = std::max(0, origin - 364); d < std::min(origin, history.days()); ++d) {
    if (history.censored(d)) continue;
    int w = history.weekday(d);
    units[w] += history.units(d);
    days[w] += 1;
    demand_days[w] += history.units(d) > 0 ? 1 : 0;
  }
  double total_units = 0, total_days = 0, total_demand_days = 0;
  for (int w = 0; w < 7; ++w) total_units += units[w], total_days += days[w], total_demand_days += demand_days[w];
  if (total_demand_days < kMinimumDemandDays || total_units <= 0) return std::nullopt;
  for (int w = 0; w < 7; ++w)
    if (days[w] == 0) return std::nullopt;
  double chi_square = 0, share = total_demand_days / total_days;
  for (int w = 0; w < 7; ++w) {
    double expected = days[w] * share;
    chi_square += (demand_days[w] - expected) * (demand_days[w] - expected) / expected;
  }
  if (chi_square < kChiSquare6At1Percent) return std::nullopt;
  double mean = total_units / total_days, weight = total_demand_days / (total_demand_days + 50.0);
  WeekdayProfile profile;
  double sum = 0;
  for (int w = 0; w < 7; ++w) sum += profile[w] = 1.0 + weight * (units[w] / days[w] / mean - 1.0);
  for (auto& p : profile) p *= 7.0 / sum;
  return profile;
}

void apply_weekday_profile(const WeekdayProfile& profile, const DemandHistory& history, int origin,
                           std::vector<double>& path) {
  int first = history.weekday(0);  // weekday of day index 0; day index origin + d follows on
  for (size_t d = 0; d < path.size(); ++d) path[d] *= profile[(first + origin + static_cast<int>(d)) % 7];
}

}  // namespace shopkeep::analytics::restock
