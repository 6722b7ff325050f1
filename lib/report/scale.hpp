#pragma once
// Axes of the report's charts: "nice" tick values (1, 2, 2.5 or 5 times a power of ten) that cover
// the data, and the linear map from data values to SVG coordinates.
#include <vector>

namespace shopkeep::report {

// About `count` ticks from a round number at or below `low` to one at or above `high`, evenly
// spaced by a nice step; at least two ticks. low == high widens to a range around the value.
std::vector<double> nice_ticks(double low, double high, int count = 5);

// Maps [domain_low, domain_high] to [range_low, range_high] (SVG's y axis runs downwards, so a
// vertical axis is built with range_low > range_high).
class LinearScale {
 public:
  LinearScale(double domain_low, double domain_high, double range_low, double range_high);
  double operator()(double value) const;

 private:
  double d0_, d1_, r0_, r1_;
};

}  // namespace shopkeep::report
