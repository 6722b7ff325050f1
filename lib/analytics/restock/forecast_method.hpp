#pragma once
// The forecast methods by name, and one entry point that turns any of them into a daily demand path
// for [origin, origin + horizon) from the history before origin (censored days skipped).
#include <optional>
#include <string>
#include <vector>

#include "analytics/restock/demand_history.hpp"

namespace shopkeep::analytics::restock {

enum class Method {
  naive_4w,             // mean of the last 28 observed days
  naive_8w,             // mean of the last 56 observed days: the baseline
  blend_4w_8w,          // (4-week rate + 8-week rate) / 2
  seasonal_naive,       // each day = the same weekday of the last observed week
  seasonal_naive_year,  // each day = the same day 52 weeks earlier
  seasonal_rate,        // 8-week rate x last year's ratio of the coming period to the 8 weeks before it
  ses,                  // simple exponential smoothing, alpha fitted
  croston,              // Croston, alpha 0.1
  sba,                  // Syntetos-Boylan approximation, alpha 0.1
  tsb,                  // Teunter-Syntetos-Babai, alpha = beta = 0.1
  automatic,            // per series, the method with the least backtest error ("auto")
};

// Every method but `automatic`, in the order reports list them.
const std::vector<Method>& base_methods();
const char* method_name(Method m);
std::optional<Method> parse_method(const std::string& name);

// A method that forecasts one rate per day (all but the seasonal naive ones).
bool is_flat(Method m);

struct MethodSettings {
  std::optional<double> ses_alpha;  // reuse a fitted weight (backtests refit only the level)
};

// The daily path without a weekday profile; nullopt when the method cannot forecast here (the
// yearly ones without a year of history). `automatic` is not accepted (see backtest_selection.hpp).
std::optional<std::vector<double>> method_path(Method m, const DemandHistory& history, int origin, int horizon,
                                               const MethodSettings& settings = {});

// Sum of path over the days of [origin, origin + path.size()) that are observed in `history`
// (days past its end count as observed): what to compare with the units actually sold.
double observed_sum(const std::vector<double>& path, const DemandHistory& history, int origin);

}  // namespace shopkeep::analytics::restock
