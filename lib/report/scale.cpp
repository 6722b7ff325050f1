#include "report/scale.hpp"

#include <algorithm>
#include <cmath>

namespace shopkeep::report {

namespace {

// The nice step closest above raw_step: 1, 2, 2.5, 5 or 10 times a power of ten.
double nice_step(double raw_step) {
  double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw_step <= factor * magnitude * (1 + 1e-9)) return factor * magnitude;
  return 10 * magnitude;
}

}  // namespace

std::vector<double> nice_ticks(double low, double high, int count) {
  if (!std::isfinite(low) || !std::isfinite(high)) return {0, 1};
  if (low > high) std::swap(low, high);
  if (low == high) {
    // One value: an axis from 0 to it (or to 1 for zero), so a single bar still has a scale.
    if (low == 0) return {0, 1};
    if (low > 0)
      low = 0;
    else
      high = 0;
  }
  count = std::max(count, 2);
  double step = nice_step((high - low) / (count - 1));
  double first = std::floor(low / step + 1e-9) * step;
  double last = std::ceil(high / step - 1e-9) * step;
  std::vector<double> ticks;
  for (int i = 0;; ++i) {
    double t = first + i * step;
    if (std::abs(t) < step * 1e-9) t = 0;  // no -0 or 1e-17 at the origin
    ticks.push_back(t);
    if (t >= last - step * 1e-9) break;
  }
  if (ticks.size() < 2) ticks.push_back(first + step);
  return ticks;
}

LinearScale::LinearScale(double domain_low, double domain_high, double range_low, double range_high)
    : d0_(domain_low), d1_(domain_high), r0_(range_low), r1_(range_high) {}

double LinearScale::operator()(double value) const {
  if (d1_ == d0_) return r0_;
  return r0_ + (value - d0_) / (d1_ - d0_) * (r1_ - r0_);
}

}  // namespace shopkeep::report
