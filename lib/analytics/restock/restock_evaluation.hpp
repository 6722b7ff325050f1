#pragma once
// `shopkeep restock evaluate`: a backtest of every forecast method on the store's own history. The
// last N weeks before now are held out; the cut-off is their first day. Per method:
//  - rolling origin: each held-out week is forecast from the data before it; MASE and RMSSE (the M5
//    measure) of those weekly totals, scaled per series by the in-sample errors of the naive weekly
//    forecast (last week's total) before the cut-off, averaged over series; bias = (forecast -
//    actual) / actual over all series and weeks;
//  - fixed origin: the total of all N weeks forecast at the cut-off; total_abs_error = sum over
//    series of |forecast - actual|, and its ratio to the 8-week naive rate's (the baseline).
// And the coverage of the reorder points: from each weekly origin whose lead time ends within the
// holdout, the share of series whose demand over the lead time stayed at or below the reorder point
// computed at that origin, against the service level, beside a Poisson reorder point on the 8-week
// rate. Days out of stock are left out of every comparison (their demand is unknown).
#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>

#include "analytics/restock/forecast_method.hpp"
#include "analytics/restock/restock_settings.hpp"

namespace shopkeep::analytics::restock {

struct EvaluationOptions {
  Instant now;
  int holdout_weeks = 8;
  std::optional<int> top;  // only the best sellers before the cut-off
};

struct MethodScore {
  Method method = Method::naive_8w;
  std::optional<double> mase, rmsse, bias;
  double total_abs_error = 0;
  std::optional<double> total_vs_naive;
  int fallbacks = 0;  // series where the method could not forecast and the 8-week rate stood in
};

struct Coverage {
  double service_level = 0.95;
  int origins = 0, checked = 0, covered = 0, poisson_covered = 0;
  int cutoff_checked = 0, cutoff_covered = 0;
  double cutoff_safety_factor = 0;
};

struct Evaluation {
  int holdout_weeks = 0, series = 0, scaled_series = 0;
  Day cutoff{};
  std::vector<MethodScore> methods;  // base methods, then auto
  Coverage coverage;
  std::map<std::string, int> selected;  // what auto chose at the cut-off for the whole holdout
};

// Throws a runtime error when no variant sold before the cut-off.
Evaluation evaluate_restock(store::Db& db, const store::ShopSettings& shop, const RestockSettings& settings,
                            const EvaluationOptions& options);

// cli.md `restock evaluate --json`: {"holdout_weeks", "series", "methods": [{"method", "mase", "rmsse",
// "bias", ...}], ...}.
nlohmann::ordered_json evaluation_json(const Evaluation& evaluation);

// The smallest r with P(X <= r) >= p for X ~ Poisson(mean).
double poisson_quantile(double mean, double p);

}  // namespace shopkeep::analytics::restock
