#include "report/svg_number.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using shopkeep::report::svg_number;

TEST_CASE("SVG numbers: two decimals at most, no trailing zeros, no -0, no nan") {
  CHECK(svg_number(12) == "12");
  CHECK(svg_number(12.5) == "12.5");
  CHECK(svg_number(12.345) == "12.35");
  CHECK(svg_number(-3.1) == "-3.1");
  CHECK(svg_number(-0.001) == "0");
  CHECK(svg_number(0.004) == "0");
  CHECK(svg_number(1e7) == "10000000");
  CHECK(svg_number(std::nan("")) == "0");
  CHECK(svg_number(std::numeric_limits<double>::infinity()) == "0");
}
