#include "analytics/restock/naive_rate.hpp"

#include <numeric>

namespace shopkeep::analytics::restock {

double naive_rate(std::span<const double> observed, int window) {
  size_t n = std::min(observed.size(), static_cast<size_t>(window > 0 ? window : 0));
  if (n == 0) return 0.0;
  auto last = observed.last(n);
  return std::accumulate(last.begin(), last.end(), 0.0) / static_cast<double>(n);
}

double blended_rate(std::span<const double> observed) {
  return 0.5 * (naive_rate(observed, 28) + naive_rate(observed, 56));
}

}  // namespace shopkeep::analytics::restock
