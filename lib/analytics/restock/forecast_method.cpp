#include "analytics/restock/forecast_method.hpp"
#include <algorithm>

#include "analytics/restock/croston.hpp"
#include "analytics/restock/naive_rate.hpp"
#include "analytics/restock/seasonal_naive.hpp"
#include "analytics/restock/ses.hpp"
#include "analytics/restock/tsb.hpp"
#include "analytics/restock/yearly_seasonality.hpp"

namespace shopkeep::analytics::restock {

namespace {

struct MethodName {
  Method method;
  const char* name;
};

constexpr MethodName kNames[] = {
    {Method::naive_4w, "naive_4w"},
    {Method::naive_8w, "naive_8w"},
    {Method::blend_4w_8w, "blend_4w_8w"},
    {Method::seasonal_naive, "seasonal_naive"},
    {Method::seasonal_naive_year, "seasonal_naive_year"},
    {Method::seasonal_rate, "seasonal_rate"},
    {Method::ses, "ses"},
    {Method::croston, "croston"},
    {Method::sba, "sba"},
    {Method::tsb, "tsb"},
    {Method::automatic, "auto"},
};

std::optional<double> flat_rate(Method m, const DemandHistory& history, int origin, int horizon,
                                const MethodSettings& settings) {
  auto observed = history.observed_before(origin);
  switch (m) {
    case Method::naive_4w: return naive_rate(observed, 28);
    case Method::naive_8w: return naive_rate(observed, 56);
    case Method::blend_4w_8w: return blended_rate(observed);
    case Method::seasonal_rate: {
      auto ratio = yearly_ratio(history, origin, horizon);
      if (!ratio) return std::nullopt;
      return naive_rate(observed, 56) * *ratio;
    }
    case Method::ses:
      if (settings.ses_alpha) return ses_filter(observed, *settings.ses_alpha, ses_initial_level(observed)).level;
      return fit_ses(observed).level;
    case Method::croston: return croston_rate(observed);
    case Method::sba: return sba_rate(observed);
    case Method::tsb: return tsb_rate(observed);
    default: return std::nullopt;
  }
}

}  // namespace

const std::vector<Method>& base_methods() {
  static const std::vector<Method> all = {Method::naive_4w,
                                          Method::naive_8w,
                                          Method::blend_4w_8w,
                                          Method::seasonal_naive,
                                          Method::seasonal_naive_year,
                                          Method::seasonal_rate,
                                          Method::ses,
                                          Method::croston,
                                          Method::sba,
                                          Method::tsb};
  return all;
}

const char* method_name(Method m) {
  for (const auto& n : kNames)
    if (n.method == m) return n.name;
  return "?";
}

std::optional<Method> parse_method(const std::string& name) {
  for (const auto& n : kNames)
    if (name == n.name) return n.method;
  return std::nullopt;
}

bool is_flat(Method m) { return m != Method::seasonal_naive && m != Method::seasonal_naive_year; }

std::optional<std::vector<double>> method_path(Method m, const DemandHistory& history, int origin, int horizon,
                                               const MethodSettings& settings) {
  if (m == Method::seasonal_naive) return weekly_seasonal_naive(history, origin, horizon);
  if (m == Method::seasonal_naive_year) return yearly_seasonal_naive(history, origin, horizon);
  auto rate = flat_rate(m, history, origin, horizon, settings);
  if (!rate) return std::nullopt;
  return std::vector<double>(static_cast<size_t>(horizon), std::max(0.0, *rate));
}

double observed_sum(const std::vector<double>& path, const DemandHistory& history, int origin) {
  double sum = 0;
  for (size_t d = 0; d < path.size(); ++d) {
    int day = origin + static_cast<int>(d);
    if (day >= history.days() || !history.censored(day)) sum += path[d];
  }
  return sum;
}

}  // namespace shopkeep::analytics::restock
