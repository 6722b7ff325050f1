#include "analytics/uplift_stats.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::analytics;

TEST_CASE("two-proportion z-test and Wald interval (values from scipy)") {
  auto s = compare_proportions(40, 100, 20, 100);
  CHECK(s.uplift_absolute == doctest::Approx(0.2));
  CHECK(*s.uplift_relative == doctest::Approx(1.0));
  CHECK(*s.p_value == doctest::Approx(0.0020282311484520745).epsilon(1e-9));
  CHECK(*s.ci_low == doctest::Approx(0.0760409935390877).epsilon(1e-9));
  CHECK(*s.ci_high == doctest::Approx(0.3239590064609123).epsilon(1e-9));
  CHECK(s.conclusive);
}

TEST_CASE("significant but too small a group is not conclusive") {
  auto s = compare_proportions(20, 25, 2, 25);
  CHECK(*s.p_value < 0.05);
  CHECK_FALSE(s.conclusive);
}

TEST_CASE("no recovery in the holdout: no relative uplift") {
  auto s = compare_proportions(5, 50, 0, 50);
  CHECK_FALSE(s.uplift_relative);
  CHECK(s.p_value);
}
