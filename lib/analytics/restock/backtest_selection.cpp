#include "analytics/restock/backtest_selection.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include "analytics/restock/ses.hpp"
#include "analytics/restock/weekday_profile.hpp"

namespace shopkeep::analytics::restock {

namespace {

// Origins a week apart whose whole horizon lies before `origin`, newest first.
std::vector<int> backtest_origins(const DemandHistory& history, int origin, int horizon, const SelectionRules& rules) {
  std::vector<int> origins;
  for (int j = 0; static_cast<int>(origins.size()) < rules.max_origins; ++j) {
    int o = origin - horizon - 7 * j;
    if (o < rules.min_training_days) break;
    if (2 * history.observed_days_between(o, o + horizon) >= horizon) origins.push_back(o);
  }
  return origins;
}

}  // namespace

const std::vector<Method>& challengers() {
  static const std::vector<Method> all = {Method::blend_4w_8w, Method::ses,           Method::sba,
                                          Method::tsb,         Method::seasonal_rate, Method::seasonal_naive_year};
  return all;
}

std::string selection_name(const Selection& selection) {
  std::string name = method_name(selection.method);
  return selection.combined ? name + "+naive_8w" : name;
}

Selection select_method(const DemandHistory& history, int origin, int horizon, const SelectionRules& rules) {
  Selection selection;
  auto observed = history.observed_before(origin);
  selection.pattern = classify_demand(observed);
  selection.settings.ses_alpha = fit_ses(observed).alpha;
  if (selection.pattern.demand_class == DemandClass::none) return selection;
  auto origins = backtest_origins(history, origin, horizon, rules);
  selection.backtest_origins = static_cast<int>(origins.size());
  if (static_cast<int>(origins.size()) < rules.min_origins) {
    selection.backtest_origins = 0;  // too young to judge a challenger: the 8-week rate
    return selection;
  }
  auto error_of = [&](Method m) -> std::optional<double> {
    double error = 0, weight = 1;
    for (int o : origins) {
      auto path = method_path(m, history, o, horizon, selection.settings);
      if (!path) return std::nullopt;
      error += weight * std::abs(observed_sum(*path, history, o) - history.units_between(o, o + horizon));
      weight *= rules.origin_decay;
    }
    return error;
  };
  double baseline = *error_of(Method::naive_8w), best = std::numeric_limits<double>::infinity();
  Method winner = Method::naive_8w;
  for (Method m : challengers())
    if (auto error = error_of(m); error && *error < best) best = *error, winner = m;
  if (best < (1.0 - rules.margin) * baseline) selection.method = winner, selection.combined = true;
  return selection;
}

std::vector<double> forecast_path(const DemandHistory& history, int origin, int horizon, const Selection& selection) {
  auto path = method_path(selection.method, history, origin, horizon, selection.settings);
  if (!path) path = method_path(Method::naive_8w, history, origin, horizon);
  if (selection.combined) {
    auto baseline = *method_path(Method::naive_8w, history, origin, horizon);
    for (size_t d = 0; d < path->size(); ++d) (*path)[d] = 0.5 * ((*path)[d] + baseline[d]);
  }
  if (is_flat(selection.method))
    if (auto profile = weekday_profile(history, origin)) apply_weekday_profile(*profile, history, origin, *path);
  return *path;
}

}  // namespace shopkeep::analytics::restock
