#include "analytics/restock/seasonal_naive.hpp"

#include "analytics/restock/naive_rate.hpp"

namespace shopkeep::analytics::restock {

std::vector<double> weekly_seasonal_naive(const DemandHistory& history, int origin, int horizon) {
  double fallback = naive_rate(history.observed_before(origin), 56);
  std::vector<double> last_week(7, fallback);  // by offset from origin modulo 7
  for (int offset = 0; offset < 7; ++offset)
    for (int back = 1; back <= 8; ++back) {
      int day = origin + offset - 7 * back;
      if (day < 0) break;
      if (day >= origin || history.censored(day)) continue;
      last_week[offset] = history.units(day);
      break;
    }
  std::vector<double> path(static_cast<size_t>(horizon));
  for (int d = 0; d < horizon; ++d) path[d] = last_week[d % 7];
  return path;
}

std::optional<std::vector<double>> yearly_seasonal_naive(const DemandHistory& history, int origin, int horizon) {
  int from = origin - kYearDays;
  if (from < 0 || horizon > kYearDays) return std::nullopt;
  int seen = history.observed_days_between(from, from + horizon);
  if (2 * seen < horizon) return std::nullopt;
  double mean = history.units_between(from, from + horizon) / seen;
  std::vector<double> path(static_cast<size_t>(horizon));
  for (int d = 0; d < horizon; ++d) path[d] = history.censored(from + d) ? mean : history.units(from + d);
  return path;
}

}  // namespace shopkeep::analytics::restock
