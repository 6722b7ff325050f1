#pragma once
// How a number moved against a comparison: up, down or flat, and by how many percent, for the
// brief's arrows and the report's KPI tiles.
#include <optional>
#include <string>

namespace shopkeep::report {

struct Change {
  enum class Direction { up, down, flat, unknown } direction = Direction::unknown;
  std::optional<double> percent;  // relative change; none when the comparison is 0 or missing
};

// unknown when either side is missing; from 0 to something is up without a percentage.
Change change_between(std::optional<double> current, std::optional<double> comparison);

// "↑ 12%", "↓ 3.5%", "→ 0%", "↑ new", "–" (no comparison). Percentages under 10 keep one decimal.
std::string change_text(const Change& change);
// The same words for a screen reader or a JSON reader: "up 12%", "down 3.5%", "no change", "no data".
std::string change_words(const Change& change);

}  // namespace shopkeep::report
