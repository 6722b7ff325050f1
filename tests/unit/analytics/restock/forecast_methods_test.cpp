// Hand-computed forecasts for each method (lib/analytics/restock/{naive_rate,ses,croston,tsb,
// seasonal_naive,demand_class}.cpp).
#include <doctest/doctest.h>

#include <cmath>

#include "analytics/restock/croston.hpp"
#include "analytics/restock/demand_class.hpp"
#include "analytics/restock/naive_rate.hpp"
#include "analytics/restock/seasonal_naive.hpp"
#include "analytics/restock/ses.hpp"
#include "analytics/restock/tsb.hpp"
#include "core/time.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::restock;

namespace {
Day monday() { return *parse_date("2026-01-05"); }  // a Monday
}  // namespace

TEST_CASE("naive rates: the mean of the last 28 or 56 observed days, and their blend") {
  std::vector<double> y(56, 0.0);
  for (int d = 28; d < 56; ++d) y[d] = 2;  // nothing in the first 4 weeks, 2 a day in the last 4
  CHECK(naive_rate(y, 28) == doctest::Approx(2.0));
  CHECK(naive_rate(y, 56) == doctest::Approx(1.0));
  CHECK(blended_rate(y) == doctest::Approx(1.5));
  CHECK(naive_rate(std::vector<double>{3, 1}, 56) == doctest::Approx(2.0));  // shorter history: all of it
  CHECK(naive_rate(std::vector<double>{}, 56) == 0.0);
}

TEST_CASE("SES: the filter by hand, and a fitted weight that follows a level shift") {
  // l0 = 2; y = 2: error 0, level 2; y = 4: error 2, level 3; y = 0: error -3, level 1.5.
  auto fit = ses_filter(std::vector<double>{2, 4, 0}, 0.5, 2.0);
  CHECK(fit.level == doctest::Approx(1.5));
  CHECK(fit.sse == doctest::Approx(0 + 4 + 9));
  CHECK(ses_initial_level(std::vector<double>{1, 2, 3}) == doctest::Approx(2.0));

  std::vector<double> shift(28, 0.0);
  shift.insert(shift.end(), 28, 10.0);  // starts at 0 (the first 4 weeks' mean), then jumps to 10
  auto follows = fit_ses(shift);
  CHECK(follows.alpha > 0.9);
  CHECK(follows.level == doctest::Approx(10.0).epsilon(0.001));

  std::vector<double> noise;
  for (int i = 0; i < 56; ++i) noise.push_back(i % 2 ? 3.0 : 1.0);  // mean 2, no level change
  auto steady = fit_ses(noise);
  CHECK(steady.alpha < 0.05);
  CHECK(steady.level == doctest::Approx(2.0).epsilon(0.05));
}

TEST_CASE("Croston and SBA by hand") {
  // Demands of 3, 5 and 2 on days 3, 5 and 9. Start: size 3, interval 3. Day 5 (2 days later):
  // size 3 + 0.1 (5 - 3) = 3.2, interval 3 + 0.1 (2 - 3) = 2.9. Day 9 (4 days later):
  // size 3.2 + 0.1 (2 - 3.2) = 3.08, interval 2.9 + 0.1 (4 - 2.9) = 3.01.
  std::vector<double> y{0, 0, 3, 0, 5, 0, 0, 0, 2};
  auto s = croston_filter(y, 0.1);
  CHECK(s.size == doctest::Approx(3.08));
  CHECK(s.interval == doctest::Approx(3.01));
  CHECK(croston_rate(y) == doctest::Approx(3.08 / 3.01));
  CHECK(sba_rate(y) == doctest::Approx(0.95 * 3.08 / 3.01));
  CHECK(croston_rate(std::vector<double>{0, 0, 0}) == 0.0);
  // Trailing zeros do not move Croston's forecast (that is what TSB fixes).
  auto later = y;
  later.insert(later.end(), 30, 0.0);
  CHECK(croston_rate(later) == doctest::Approx(croston_rate(y)));
}

TEST_CASE("TSB by hand: the demand probability decays while nothing sells") {
  // First demand on day 3: p = 1/3, size 3. Day 4 (none): p = 1/3 - 0.1/3 = 0.3. Day 5 (5 units):
  // p = 0.3 + 0.1 (1 - 0.3) = 0.37, size = 3 + 0.1 (5 - 3) = 3.2. Forecast 0.37 x 3.2 = 1.184.
  std::vector<double> y{0, 0, 3, 0, 5};
  auto s = tsb_filter(y, 0.1, 0.1);
  CHECK(s.probability == doctest::Approx(0.37));
  CHECK(s.size == doctest::Approx(3.2));
  CHECK(tsb_rate(y) == doctest::Approx(1.184));
  y.insert(y.end(), 10, 0.0);  // ten quiet days: p x 0.9^10
  CHECK(tsb_rate(y) == doctest::Approx(0.37 * std::pow(0.9, 10) * 3.2));
}

TEST_CASE("weekly seasonal naive repeats the last observed week; a censored day looks a week further back") {
  std::vector<double> units(14);
  for (int d = 0; d < 14; ++d) units[d] = d;  // day d sold d units
  std::vector<bool> censored(14, false);
  censored[12] = true;  // the last Saturday was out of stock
  DemandHistory h(monday(), units, censored);
  auto path = weekly_seasonal_naive(h, 14, 9);
  std::vector<double> expected{7, 8, 9, 10, 11, 5, 13, 7, 8};  // Saturday from the week before
  CHECK(path == expected);
}

TEST_CASE("yearly seasonal naive needs a year of history") {
  std::vector<double> units(400, 1.0);
  for (int d = 0; d < 400; ++d) units[d] = d % 7;
  DemandHistory h(monday(), units, std::vector<bool>(400, false));
  CHECK_FALSE(yearly_seasonal_naive(h, 300, 14).has_value());
  auto path = yearly_seasonal_naive(h, 400, 3);
  REQUIRE(path.has_value());
  CHECK((*path)[0] == units[400 - 364]);
  CHECK((*path)[2] == units[402 - 364]);
}

TEST_CASE("Syntetos-Boylan classes at ADI 1.32 and CV^2 0.49") {
  CHECK(classify_demand(std::vector<double>{1, 2, 3, 4}).demand_class == DemandClass::smooth);  // ADI 1, CV^2 0.2
  auto erratic = classify_demand(std::vector<double>{1, 10, 1, 10});                            // CV^2 = 20.25 / 30.25
  CHECK(erratic.cv2 == doctest::Approx(20.25 / 30.25));
  CHECK(erratic.demand_class == DemandClass::erratic);
  auto intermittent = classify_demand(std::vector<double>{0, 2, 0, 2});
  CHECK(intermittent.adi == doctest::Approx(2.0));
  CHECK(intermittent.demand_class == DemandClass::intermittent);
  CHECK(classify_demand(std::vector<double>{0, 1, 0, 10}).demand_class == DemandClass::lumpy);
  CHECK(classify_demand(std::vector<double>{0, 0}).demand_class == DemandClass::none);
}
