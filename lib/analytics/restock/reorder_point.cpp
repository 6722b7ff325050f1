#include "analytics/restock/reorder_point.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shopkeep::analytics::restock {

double lead_time_scale(const DemandHistory& history, int origin, int lead_days) {
  int from = std::max(0, origin - 182);
  int days = history.observed_days_between(from, origin);
  if (days == 0) return 0.0;
  double mean = history.units_between(from, origin) / days;
  double variance = history.squares_between(from, origin) / days - mean * mean;
  return std::sqrt(lead_days * std::max(variance, mean));
}

std::vector<double> lead_time_residuals(const DemandHistory& history, const Selection& selection, int origin,
                                        int lead_days, int max_origins) {
  std::vector<double> residuals;
  for (int j = 0; j < max_origins; ++j) {
    int o = origin - lead_days - 7 * j;
    if (o < 56) break;
    if (2 * history.observed_days_between(o, o + lead_days) < lead_days) continue;
    double scale = lead_time_scale(history, o, lead_days);
    if (scale <= 0) continue;
    auto path = forecast_path(history, o, lead_days, selection);
    residuals.push_back((history.units_between(o, o + lead_days) - observed_sum(path, history, o)) / scale);
  }
  return residuals;
}

double normal_quantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  if (p < kLow) {
    double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - kLow) return -normal_quantile(1 - p);
  double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double safety_factor(std::vector<double> residuals, double service_level) {
  if (residuals.size() < 30) return std::max(0.0, normal_quantile(service_level));
  std::sort(residuals.begin(), residuals.end());
  double n = static_cast<double>(residuals.size());
  size_t rank = static_cast<size_t>(std::ceil((n + 1) * service_level));
  rank = std::clamp<size_t>(rank, 1, residuals.size());
  return std::max(0.0, residuals[rank - 1]);
}

double reorder_point(double lead_demand, double scale, double factor) {
  if (lead_demand <= 0 && scale <= 0) return 0.0;
  // A hair below the next unit stays there: 3.0000000001 is 3 units, not 4.
  return std::max(0.0, std::ceil(lead_demand + factor * scale - 1e-9));
}

}  // namespace shopkeep::analytics::restock
