#include "analytics/restock/croston.hpp"

namespace shopkeep::analytics::restock {

CrostonState croston_filter(std::span<const double> observed, double alpha) {
  CrostonState state;
  int since_demand = 0;
  for (double y : observed) {
    ++since_demand;
    if (y <= 0) continue;
    if (!state.any_demand) {
      state = {y, static_cast<double>(since_demand), true};
    } else {
      state.size += alpha * (y - state.size);
      state.interval += alpha * (since_demand - state.interval);
    }
    since_demand = 0;
  }
  return state;
}

double croston_rate(std::span<const double> observed, double alpha) {
  auto s = croston_filter(observed, alpha);
  return s.any_demand ? s.size / s.interval : 0.0;
}

double sba_rate(std::span<const double> observed, double alpha) {
  return (1.0 - alpha / 2.0) * croston_rate(observed, alpha);
}

}  // namespace shopkeep::analytics::restock
