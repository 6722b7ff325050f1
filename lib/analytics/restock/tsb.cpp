#include "analytics/restock/tsb.hpp"

namespace shopkeep::analytics::restock {

TsbState tsb_filter(std::span<const double> observed, double alpha, double beta) {
  TsbState state;
  int position = 0;
  for (double y : observed) {
    ++position;
    bool demand = y > 0;
    if (!state.any_demand) {
      if (demand) state = {1.0 / position, y, true};
      continue;
    }
    state.probability += beta * ((demand ? 1.0 : 0.0) - state.probability);
    if (demand) state.size += alpha * (y - state.size);
  }
  return state;
}

double tsb_rate(std::span<const double> observed, double alpha, double beta) {
  auto s = tsb_filter(observed, alpha, beta);
  return s.any_demand ? s.probability * s.size : 0.0;
}

}  // namespace shopkeep::analytics::restock
