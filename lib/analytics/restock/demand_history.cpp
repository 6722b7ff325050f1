#include "analytics/restock/demand_history.hpp"

#include <algorithm>
#include <chrono>

namespace shopkeep::analytics::restock {

DemandHistory::DemandHistory(Day first_day, std::vector<double> units, std::vector<bool> censored)
    : first_day_(first_day), units_(std::move(units)), censored_(std::move(censored)) {
  censored_.resize(units_.size(), false);
  observed_prefix_.assign(units_.size() + 1, 0);
  units_prefix_.assign(units_.size() + 1, 0.0);
  squares_prefix_.assign(units_.size() + 1, 0.0);
  for (size_t d = 0; d < units_.size(); ++d) {
    bool seen = !censored_[d];
    if (seen) observed_.push_back(units_[d]);
    observed_prefix_[d + 1] = observed_prefix_[d] + (seen ? 1 : 0);
    units_prefix_[d + 1] = units_prefix_[d] + (seen ? units_[d] : 0.0);
    squares_prefix_[d + 1] = squares_prefix_[d] + (seen ? units_[d] * units_[d] : 0.0);
  }
}

int DemandHistory::weekday(int day) const {
  auto weekday = std::chrono::weekday(first_day_ + std::chrono::days{day});
  return static_cast<int>(weekday.iso_encoding()) - 1;
}

std::span<const double> DemandHistory::observed_before(int origin) const {
  origin = std::clamp(origin, 0, days());
  return std::span<const double>(observed_.data(), static_cast<size_t>(observed_prefix_[origin]));
}

double DemandHistory::units_between(int from, int to) const {
  from = std::clamp(from, 0, days());
  to = std::clamp(to, from, days());
  return units_prefix_[to] - units_prefix_[from];
}

int DemandHistory::observed_days_between(int from, int to) const {
  from = std::clamp(from, 0, days());
  to = std::clamp(to, from, days());
  return observed_prefix_[to] - observed_prefix_[from];
}

double DemandHistory::squares_between(int from, int to) const {
  from = std::clamp(from, 0, days());
  to = std::clamp(to, from, days());
  return squares_prefix_[to] - squares_prefix_[from];
}

}  // namespace shopkeep::analytics::restock
