#include "report/scale.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::report;

TEST_CASE("nice ticks cover the data with round steps") {
  CHECK(nice_ticks(0, 97, 5) == std::vector<double>{0, 25, 50, 75, 100});
  CHECK(nice_ticks(0, 11034.5, 5) == std::vector<double>{0, 5000, 10000, 15000});
  CHECK(nice_ticks(0, 1, 5) == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
  auto negative = nice_ticks(-0.03, 0.12, 5);
  CHECK(negative.front() <= -0.03);
  CHECK(negative.back() >= 0.12);
  CHECK(std::find(negative.begin(), negative.end(), 0.0) != negative.end());  // zero is a tick, not 1e-17
}

TEST_CASE("nice ticks of a single value or no data still make an axis") {
  CHECK(nice_ticks(0, 0) == std::vector<double>{0, 1});
  auto one = nice_ticks(7, 7, 5);
  CHECK(one.front() == 0);
  CHECK(one.back() >= 7);
  CHECK(nice_ticks(5, 1).front() <= 1);  // reversed bounds
}

TEST_CASE("a linear scale maps the domain onto the range, downwards for a vertical axis") {
  LinearScale y(0, 100, 300, 40);
  CHECK(y(0) == 300);
  CHECK(y(100) == 40);
  CHECK(y(50) == 170);
  LinearScale flat(5, 5, 10, 20);
  CHECK(flat(5) == 10);
}
