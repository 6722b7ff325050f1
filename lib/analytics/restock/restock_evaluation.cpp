#include "analytics/restock/restock_evaluation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "analytics/restock/backtest_selection.hpp"
#include "analytics/restock/reorder_point.hpp"
#include "analytics/restock/variant_demand.hpp"
#include "core/error.hpp"

namespace shopkeep::analytics::restock {

namespace {

struct Series {
  const VariantDemand* variant;
  int cutoff;                                  // day index of the cut-off in this series
  std::optional<double> mae_scale, mse_scale;  // in-sample naive weekly errors
};

// Mean absolute and squared differences of consecutive weekly totals before the cut-off, from the
// week of the first sale on; nullopt when fewer than two weeks or no variation.
void weekly_scales(Series& s) {
  const auto& h = s.variant->history;
  int first_sale = 0;
  while (first_sale < s.cutoff && h.units(first_sale) <= 0) ++first_sale;
  std::vector<double> weeks;
  for (int end = s.cutoff; end - 7 >= first_sale; end -= 7) weeks.push_back(h.units_between(end - 7, end));
  if (weeks.size() < 2) return;
  double abs_sum = 0, sq_sum = 0;
  for (size_t i = 1; i < weeks.size(); ++i) {
    double diff = weeks[i - 1] - weeks[i];
    abs_sum += std::abs(diff), sq_sum += diff * diff;
  }
  double n = static_cast<double>(weeks.size() - 1);
  if (abs_sum > 0) s.mae_scale = abs_sum / n, s.mse_scale = sq_sum / n;
}

// A method's path at an origin: `auto` selects first; a method that cannot forecast falls back.
std::vector<double> path_of(Method m, const DemandHistory& h, int origin, int horizon, bool& fell_back) {
  if (m == Method::automatic) return forecast_path(h, origin, horizon, select_method(h, origin, horizon));
  auto path = method_path(m, h, origin, horizon);
  if (path) return *path;
  fell_back = true;
  return *method_path(Method::naive_8w, h, origin, horizon);
}

MethodScore score_method(Method m, const std::vector<Series>& series, int weeks) {
  MethodScore score;
  score.method = m;
  double mase_sum = 0, rmsse_sum = 0, forecast_total = 0, actual_total = 0;
  int scaled = 0;
  for (const auto& s : series) {
    const auto& h = s.variant->history;
    bool fell_back = false;
    double abs_err = 0, sq_err = 0;
    for (int k = 0; k < weeks; ++k) {
      int o = s.cutoff + 7 * k;
      double f = observed_sum(path_of(m, h, o, 7, fell_back), h, o), a = h.units_between(o, o + 7);
      abs_err += std::abs(f - a), sq_err += (f - a) * (f - a);
      forecast_total += f, actual_total += a;
    }
    if (s.mae_scale) {
      mase_sum += abs_err / weeks / *s.mae_scale;
      rmsse_sum += std::sqrt(sq_err / weeks / *s.mse_scale);
      ++scaled;
    }
    double f = observed_sum(path_of(m, h, s.cutoff, 7 * weeks, fell_back), h, s.cutoff);
    score.total_abs_error += std::abs(f - h.units_between(s.cutoff, s.cutoff + 7 * weeks));
    score.fallbacks += fell_back ? 1 : 0;
  }
  if (scaled > 0) score.mase = mase_sum / scaled, score.rmsse = rmsse_sum / scaled;
  if (actual_total > 0) score.bias = (forecast_total - actual_total) / actual_total;
  return score;
}

// The reorder points computed at day `offset` after the cut-off, checked against the lead-time demand.
void check_coverage(const std::vector<Series>& series, const RestockSettings& settings, int offset, int holdout_days,
                    Coverage& c) {
  struct Point {
    const Series* s;
    int origin, lead;
    double lead_demand, scale, poisson;
  };
  std::vector<Point> points;
  std::vector<double> residuals;
  for (const auto& s : series) {
    const auto& h = s.variant->history;
    int lead = settings.lead_time_for(s.variant->facts), o = s.cutoff + offset;
    if (offset + lead > holdout_days) continue;
    auto selection = select_method(h, o, lead + settings.horizon_days);
    auto path = forecast_path(h, o, lead, selection);
    auto r = lead_time_residuals(h, selection, o, lead);
    residuals.insert(residuals.end(), r.begin(), r.end());
    double lead_demand = 0;
    for (double x : path) lead_demand += x;
    double rate = (*method_path(Method::naive_8w, h, o, 1))[0];
    double poisson = poisson_quantile(rate * lead, settings.service_level);
    if (2 * h.observed_days_between(o, o + lead) < lead) continue;  // mostly out of stock: demand unknown
    points.push_back({&s, o, lead, lead_demand, lead_time_scale(h, o, lead), poisson});
  }
  if (points.empty()) return;
  double factor = safety_factor(std::move(residuals), settings.service_level);
  ++c.origins;
  for (const auto& p : points) {
    double actual = p.s->variant->history.units_between(p.origin, p.origin + p.lead);
    bool covered = actual <= reorder_point(p.lead_demand, p.scale, factor);
    ++c.checked;
    c.covered += covered;
    c.poisson_covered += actual <= p.poisson;
    if (offset == 0) ++c.cutoff_checked, c.cutoff_covered += covered;
  }
  if (offset == 0) c.cutoff_safety_factor = factor;
}

std::optional<double> ratio(int n, int of) {
  return of > 0 ? std::optional<double>(static_cast<double>(n) / of) : std::nullopt;
}

}  // namespace

double poisson_quantile(double mean, double p) {
  if (mean <= 0) return 0;
  double term = std::exp(-mean), cdf = term;
  double r = 0;
  while (cdf < p && r < 1e7) {
    ++r;
    term *= mean / r;
    cdf += term;
    if (term == 0 && r > mean) break;  // underflow far in the tail: give up at the normal approximation
  }
  if (cdf < p) return std::ceil(mean + normal_quantile(p) * std::sqrt(mean));
  return r;
}

Evaluation evaluate_restock(store::Db& db, const store::ShopSettings& shop, const RestockSettings& settings,
                            const EvaluationOptions& options) {
  Evaluation e;
  e.holdout_weeks = options.holdout_weeks;
  int holdout_days = 7 * options.holdout_weeks;
  e.cutoff = shop.zone.local_day(options.now) - std::chrono::days{holdout_days};
  auto variants = load_variant_demand(db, shop, options.now, VariantScope::with_sales);
  std::vector<Series> series;
  for (const auto& v : variants) {
    int cutoff = static_cast<int>((e.cutoff - v.history.first_day()).count());
    if (cutoff < 1 || v.history.units_between(0, cutoff) <= 0) continue;
    series.push_back({&v, cutoff, std::nullopt, std::nullopt});
  }
  if (series.empty())
    throw runtime_error("nothing to evaluate: no variant sold before the cut-off " + format_date(e.cutoff),
                        "a shorter --holdout-weeks, or a later --now");
  if (options.top && static_cast<int>(series.size()) > *options.top) {
    auto sold_before = [](const Series& s) { return s.variant->history.units_between(0, s.cutoff); };
    std::stable_sort(series.begin(), series.end(),
                     [&](const Series& a, const Series& b) { return sold_before(a) > sold_before(b); });
    series.resize(static_cast<size_t>(*options.top));
  }
  for (auto& s : series) {
    weekly_scales(s);
    e.scaled_series += s.mae_scale ? 1 : 0;
    auto chosen = select_method(s.variant->history, s.cutoff, holdout_days);
    ++e.selected[selection_name(chosen)];
  }
  e.series = static_cast<int>(series.size());
  auto methods = base_methods();
  methods.push_back(Method::automatic);
  for (Method m : methods) e.methods.push_back(score_method(m, series, options.holdout_weeks));
  double naive_total = 0;
  for (const auto& m : e.methods)
    if (m.method == Method::naive_8w) naive_total = m.total_abs_error;
  for (auto& m : e.methods)
    if (naive_total > 0) m.total_vs_naive = m.total_abs_error / naive_total;
  e.coverage.service_level = settings.service_level;
  for (int offset = 0; offset < holdout_days; offset += 7)
    check_coverage(series, settings, offset, holdout_days, e.coverage);
  return e;
}

nlohmann::ordered_json evaluation_json(const Evaluation& e) {
  using Json = nlohmann::ordered_json;
  auto number = [](std::optional<double> v, int digits) {
    if (!v) return Json();
    double scale = std::pow(10.0, digits);
    return Json(std::round(*v * scale) / scale);
  };
  Json j;
  j["holdout_weeks"] = e.holdout_weeks;
  j["series"] = e.series;
  j["cutoff"] = format_date(e.cutoff);
  j["scaled_series"] = e.scaled_series;
  Json methods = Json::array();
  for (const auto& m : e.methods)
    methods.push_back({{"method", method_name(m.method)},
                       {"mase", number(m.mase, 4)},
                       {"rmsse", number(m.rmsse, 4)},
                       {"bias", number(m.bias, 4)},
                       {"total_abs_error", number(m.total_abs_error, 1)},
                       {"total_vs_naive", number(m.total_vs_naive, 4)},
                       {"fallbacks", m.fallbacks}});
  j["methods"] = methods;
  const auto& c = e.coverage;
  j["reorder_points"] = {{"service_level", c.service_level},
                         {"origins", c.origins},
                         {"checked", c.checked},
                         {"coverage", number(ratio(c.covered, c.checked), 4)},
                         {"coverage_at_cutoff", number(ratio(c.cutoff_covered, c.cutoff_checked), 4)},
                         {"safety_factor_at_cutoff", number(c.cutoff_safety_factor, 4)},
                         {"poisson_coverage", number(ratio(c.poisson_covered, c.checked), 4)}};
  Json selected = Json::object();
  for (const auto& [name, n] : e.selected) selected[name] = n;
  j["selected"] = selected;
  return j;
}

}  // namespace shopkeep::analytics::restock
