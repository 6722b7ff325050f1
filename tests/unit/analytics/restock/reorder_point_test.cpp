// Reorder points and their calibration (lib/analytics/restock/reorder_point.cpp), backtest
// selection (backtest_selection.cpp), weekday profile (weekday_profile.cpp), Poisson quantile.
#include <doctest/doctest.h>

#include <cmath>

#include "analytics/restock/backtest_selection.hpp"
#include "analytics/restock/reorder_point.hpp"
#include "analytics/restock/restock_evaluation.hpp"
#include "analytics/restock/weekday_profile.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::restock;

namespace {
Day monday() { return *parse_date("2026-01-05"); }
DemandHistory plain(const std::vector<double>& units) {
  return DemandHistory(monday(), units, std::vector<bool>(units.size(), false));
}
}  // namespace

TEST_CASE("normal and Poisson quantiles") {
  CHECK(normal_quantile(0.95) == doctest::Approx(1.6448536).epsilon(1e-7));
  CHECK(normal_quantile(0.5) == doctest::Approx(0.0));
  CHECK(normal_quantile(0.01) == doctest::Approx(-2.3263479).epsilon(1e-7));
  // Poisson(2): P(X <= 4) = 0.9473, P(X <= 5) = 0.9834.
  CHECK(poisson_quantile(2.0, 0.95) == 5);
  CHECK(poisson_quantile(2.0, 0.94) == 4);
  CHECK(poisson_quantile(0.0, 0.95) == 0);
}

TEST_CASE("the safety factor is the conformal quantile of the pooled residuals") {
  std::vector<double> residuals;
  for (int i = 100; i >= 1; --i) residuals.push_back(i / 100.0);
  // rank ceil(101 x 0.95) = 96 of 100 sorted values: 0.96.
  CHECK(safety_factor(residuals, 0.95) == doctest::Approx(0.96));
  // Too few residuals: the normal quantile; never negative.
  CHECK(safety_factor({1, 2, 3}, 0.95) == doctest::Approx(normal_quantile(0.95)));
  CHECK(safety_factor(std::vector<double>(50, -1.0), 0.95) == 0.0);
}

TEST_CASE("reorder point = lead-time demand + factor x scale, rounded up to whole units") {
  CHECK(reorder_point(10, 2, 1.5) == 13);
  CHECK(reorder_point(10, 0, 1.5) == 10);
  CHECK(reorder_point(0, 0, 2) == 0);
  // Scale: sqrt(L x max(variance, mean)); 0/2 alternating: mean 1, variance 1; over 14 days: sqrt(14).
  std::vector<double> units;
  for (int d = 0; d < 56; ++d) units.push_back(d % 2 ? 2 : 0);
  CHECK(lead_time_scale(plain(units), 56, 14) == doctest::Approx(std::sqrt(14.0)));
}

TEST_CASE("backtest selection keeps the 8-week rate unless another method is clearly better") {
  SUBCASE("steady demand: every rate is as good, the baseline stays") {
    std::vector<double> units;
    for (int d = 0; d < 200; ++d) units.push_back(d % 2 ? 3 : 1);
    auto s = select_method(plain(units), 200, 14);
    CHECK(s.backtest_origins >= 3);
    CHECK(s.method == Method::naive_8w);
  }
  SUBCASE("a steady rise: smoothing that follows the level wins") {
    std::vector<double> units;
    for (int d = 0; d < 200; ++d) units.push_back(d / 10.0);
    auto s = select_method(plain(units), 200, 14);
    CHECK(s.method != Method::naive_8w);
    CHECK(s.method == Method::ses);
  }
  SUBCASE("too little history: the 8-week rate, with the Syntetos-Boylan class reported") {
    auto s = select_method(plain({0, 0, 4, 0, 0, 0, 5, 0, 0, 3}), 10, 44);
    CHECK(s.backtest_origins == 0);
    CHECK(s.pattern.demand_class == DemandClass::intermittent);
    CHECK(s.method == Method::naive_8w);
    CHECK_FALSE(s.combined);
  }
  SUBCASE("a challenger that wins is combined with the baseline") {
    std::vector<double> units;
    for (int d = 0; d < 200; ++d) units.push_back(d / 10.0);
    auto h = plain(units);
    auto s = select_method(h, 200, 14);
    REQUIRE(s.combined);
    CHECK(selection_name(s) == "ses+naive_8w");
    auto path = forecast_path(h, 200, 14, s);
    double ses = (*method_path(Method::ses, h, 200, 14, s.settings))[0];
    double baseline = (*method_path(Method::naive_8w, h, 200, 14))[0];
    CHECK(path[0] == doctest::Approx((ses + baseline) / 2));
  }
}

TEST_CASE("weekday profile: only when the weekdays really differ, and it keeps a week's total") {
  std::vector<double> flat(140, 1.0);
  CHECK_FALSE(weekday_profile(plain(flat), 140).has_value());
  std::vector<double> weekdays;  // Monday to Friday 2 a day, nothing at weekends, 20 weeks
  for (int d = 0; d < 140; ++d) weekdays.push_back(d % 7 < 5 ? 2 : 0);
  auto profile = weekday_profile(plain(weekdays), 140);
  REQUIRE(profile.has_value());
  CHECK((*profile)[0] > 1.0);
  CHECK((*profile)[6] < 1.0);
  double sum = 0;
  for (double p : *profile) sum += p;
  CHECK(sum == doctest::Approx(7.0));
  std::vector<double> path(7, 1.0);
  apply_weekday_profile(*profile, plain(weekdays), 140, path);  // day 140 is a Monday
  CHECK(path[0] == doctest::Approx((*profile)[0]));
  CHECK(path[6] == doctest::Approx((*profile)[6]));
}
