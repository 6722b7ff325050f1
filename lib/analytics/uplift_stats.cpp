#include "analytics/uplift_stats.hpp"

#include <cmath>

namespace shopkeep::analytics {

namespace {
constexpr double kZ95 = 1.959963984540054;  // two-sided 95% normal quantile
constexpr std::int64_t kMinimumGroup = 30;
}  // namespace

UpliftStats compare_proportions(std::int64_t ts, std::int64_t tn, std::int64_t hs, std::int64_t hn) {
  UpliftStats s;
  if (tn <= 0 || hn <= 0) return s;
  double pt = static_cast<double>(ts) / static_cast<double>(tn);
  double ph = static_cast<double>(hs) / static_cast<double>(hn);
  s.uplift_absolute = pt - ph;
  if (ph > 0) s.uplift_relative = s.uplift_absolute / ph;
  double se_unpooled = std::sqrt(pt * (1 - pt) / static_cast<double>(tn) + ph * (1 - ph) / static_cast<double>(hn));
  s.ci_low = s.uplift_absolute - kZ95 * se_unpooled;
  s.ci_high = s.uplift_absolute + kZ95 * se_unpooled;
  double pooled = static_cast<double>(ts + hs) / static_cast<double>(tn + hn);
  double se_pooled = std::sqrt(pooled * (1 - pooled) * (1.0 / static_cast<double>(tn) + 1.0 / static_cast<double>(hn)));
  if (se_pooled > 0) {
    double z = s.uplift_absolute / se_pooled;
    s.p_value = std::erfc(std::fabs(z) / std::sqrt(2.0));
  } else {
    s.p_value = 1.0;  // both groups all-or-nothing alike: no evidence of a difference
  }
  s.conclusive = s.p_value && *s.p_value < 0.05 && tn >= kMinimumGroup && hn >= kMinimumGroup;
  return s;
}

}  // namespace shopkeep::analytics
