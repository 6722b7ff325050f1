#pragma once
// Simple exponential smoothing: level += alpha * (y - level), the forecast is the last level.
// The smoothing weight is fitted by least squares of the one-step-ahead errors, as statsmodels'
// ExponentialSmoothing does; the initial level is the mean of the first four weeks.
#include <span>

namespace shopkeep::analytics::restock {

struct SesFit {
  double alpha = 0.1;
  double initial_level = 0;
  double level = 0;  // after the last observation: the forecast per day
  double sse = 0;    // sum of squared one-step-ahead errors
};

// The level after smoothing `observed` with `alpha` from `initial_level`, and the SSE on the way.
SesFit ses_filter(std::span<const double> observed, double alpha, double initial_level);

// The mean of the first min(n, 28) values: a start that does not hang on one lucky day.
double ses_initial_level(std::span<const double> observed);

// Alpha in [0.01, 0.99] minimising the one-step SSE: a coarse grid, then golden-section search.
SesFit fit_ses(std::span<const double> observed);

}  // namespace shopkeep::analytics::restock
