#pragma once
// Numbers as SVG attributes want them: C locale, at most two decimals, no trailing zeros, no
// exponent, never "-0" or "nan" (a coordinate that would break the drawing becomes 0).
#include <string>

namespace shopkeep::report {

std::string svg_number(double value);

}  // namespace shopkeep::report
