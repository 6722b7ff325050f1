#include "report/svg_number.hpp"

#include <fmt/format.h>

#include <cmath>

namespace shopkeep::report {

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  double rounded = std::round(value * 100) / 100;
  if (rounded == 0) return "0";  // also -0
  std::string text = fmt::format("{:.2f}", rounded);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace shopkeep::report
