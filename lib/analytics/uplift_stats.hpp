#pragma once
// Treatment vs holdout: is the difference in two proportions real? (cli.md, `carts report`)
#include <cstdint>
#include <optional>

namespace shopkeep::analytics {

struct UpliftStats {
  double uplift_absolute = 0;             // p_treatment - p_holdout
  std::optional<double> uplift_relative;  // uplift / p_holdout; none when p_holdout = 0
  std::optional<double> p_value;          // two-sided two-proportion z-test, pooled proportion
  std::optional<double> ci_low, ci_high;  // 95% Wald interval of the absolute uplift (unpooled SE)
  bool conclusive = false;                // p < 0.05 with at least 30 in each group
};

UpliftStats compare_proportions(std::int64_t treatment_successes, std::int64_t treatment_n,
                                std::int64_t holdout_successes, std::int64_t holdout_n);

}  // namespace shopkeep::analytics
