#pragma once
// "auto": per series, the method whose forecasts of past periods were closest to what sold. Inside
// the history before the origin, forecasts of the same horizon are made from earlier origins (a week
// apart) and their totals compared with the units sold; the method with the least total absolute
// error wins, but only by a margin over the 8-week rate, the baseline that is hard to beat. With too
// little history for a backtest the Syntetos-Boylan class decides: SES for smooth and erratic
// demand, SBA for intermittent and lumpy.
#include <vector>

#include "analytics/restock/demand_class.hpp"
#include "analytics/restock/forecast_method.hpp"

namespace shopkeep::analytics::restock {

struct Selection {
  Method method = Method::naive_8w;
  int backtest_origins = 0;  // 0: chosen by class
  DemandPattern pattern;
  MethodSettings settings;  // the SES weight fitted at the origin
};

struct SelectionRules {
  int max_origins = 8;
  int min_origins = 3;
  int min_training_days = 28;
  double margin = 0.05;  // another method must beat the 8-week rate's error by 5%
};

Selection select_method(const DemandHistory& history, int origin, int horizon, const SelectionRules& rules = {});

// The path of the selected method with the weekday profile applied where the history supports it.
std::vector<double> forecast_path(const DemandHistory& history, int origin, int horizon, const Selection& selection);

}  // namespace shopkeep::analytics::restock
