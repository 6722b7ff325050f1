#include "analytics/restock/ses.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shopkeep::analytics::restock {

SesFit ses_filter(std::span<const double> observed, double alpha, double initial_level) {
  SesFit fit{alpha, initial_level, initial_level, 0.0};
  for (double y : observed) {
    double error = y - fit.level;
    fit.sse += error * error;
    fit.level += alpha * error;
  }
  return fit;
}

double ses_initial_level(std::span<const double> observed) {
  size_t n = std::min<size_t>(observed.size(), 28);
  if (n == 0) return 0.0;
  return std::accumulate(observed.begin(), observed.begin() + static_cast<long>(n), 0.0) / static_cast<double>(n);
}

SesFit fit_ses(std::span<const double> observed) {
  double start = ses_initial_level(observed);
  auto sse = [&](double alpha) { return ses_filter(observed, alpha, start).sse; };
  constexpr double kLow = 0.01, kHigh = 0.99, kStep = 0.05;
  double best = kLow, best_sse = sse(kLow);
  for (double a = kLow + kStep; a <= kHigh + 1e-9; a += kStep) {
    double s = sse(std::min(a, kHigh));
    if (s < best_sse) best = std::min(a, kHigh), best_sse = s;
  }
  // Golden-section search within one grid step either side of the best grid point.
  double lo = std::max(kLow, best - kStep), hi = std::min(kHigh, best + kStep);
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo);
  double f1 = sse(x1), f2 = sse(x2);
  for (int i = 0; i < 30; ++i) {
    if (f1 < f2) {
      hi = x2, x2 = x1, f2 = f1, x1 = hi - ratio * (hi - lo), f1 = sse(x1);
    } else {
      lo = x1, x1 = x2, f1 = f2, x2 = lo + ratio * (hi - lo), f2 = sse(x2);
    }
  }
  double alpha = f1 < f2 ? x1 : x2;
  if (std::min(f1, f2) > best_sse) alpha = best;
  return ses_filter(observed, alpha, start);
}

}  // namespace shopkeep::analytics::restock
