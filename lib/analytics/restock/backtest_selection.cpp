#include "analytics/restock/backtest_selection.hpp"

#include <cmath>
#include <cstdlib>
#include <string>
#include <limits>

#include "analytics/restock/ses.hpp"
#include "analytics/restock/weekday_profile.hpp"

namespace shopkeep::analytics::restock {

namespace {

Method method_for_class(DemandClass c) {
  switch (c) {
    case DemandClass::smooth:
    case DemandClass::erratic: return Method::ses;
    case DemandClass::intermittent:
    case DemandClass::lumpy: return Method::sba;
    case DemandClass::none: break;
  }
  return Method::naive_8w;
}

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

Selection select_method(const DemandHistory& history, int origin, int horizon, const SelectionRules& rules) {
  Selection selection;
  auto observed = history.observed_before(origin);
  selection.pattern = classify_demand(observed);
  selection.settings.ses_alpha = fit_ses(observed).alpha;
  if (selection.pattern.demand_class == DemandClass::none) return selection;
  auto origins = backtest_origins(history, origin, horizon, rules);
  selection.backtest_origins = static_cast<int>(origins.size());
  if (static_cast<int>(origins.size()) < rules.min_origins) {
    selection.method = method_for_class(selection.pattern.demand_class);
    selection.backtest_origins = 0;
    return selection;
  }
  double baseline = std::numeric_limits<double>::infinity(), best = baseline;
  static const char* cand_env = std::getenv("SK_CANDIDATES");
  static const double margin_env = std::getenv("SK_MARGIN") ? std::atof(std::getenv("SK_MARGIN")) : rules.margin;
  static const double decay = std::getenv("SK_DECAY") ? std::atof(std::getenv("SK_DECAY")) : 1.0;
  for (Method m : base_methods()) {
    if (cand_env && m != Method::naive_8w && std::string(cand_env).find(std::string(",") + method_name(m) + ",") == std::string::npos) continue;
    double error = 0;
    bool usable = true;
    double w = 1.0;
    for (int o : origins) {
      auto path = method_path(m, history, o, horizon, selection.settings);
      if (!path) {
        usable = false;
        break;
      }
      error += w * std::abs(observed_sum(*path, history, o) - history.units_between(o, o + horizon));
      w *= decay;
    }
    if (!usable) continue;
    if (m == Method::naive_8w) baseline = error;
    if (error < best) best = error, selection.method = m;
  }
  if (!(best < (1.0 - margin_env) * baseline)) selection.method = Method::naive_8w;
  return selection;
}

std::vector<double> forecast_path(const DemandHistory& history, int origin, int horizon, const Selection& selection) {
  auto path = method_path(selection.method, history, origin, horizon, selection.settings);
  if (!path) path = method_path(Method::naive_8w, history, origin, horizon);
  if (is_flat(selection.method))
    if (auto profile = weekday_profile(history, origin)) apply_weekday_profile(*profile, history, origin, *path);
  return *path;
}

}  // namespace shopkeep::analytics::restock
