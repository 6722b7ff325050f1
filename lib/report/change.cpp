#include "report/change.hpp"

#include <fmt/format.h>

#include <cmath>

namespace shopkeep::report {

Change change_between(std::optional<double> current, std::optional<double> comparison) {
  Change c;
  if (!current || !comparison) return c;
  double delta = *current - *comparison;
  double scale = std::max(std::abs(*current), std::abs(*comparison));
  bool same = std::abs(delta) <= 1e-12 * std::max(scale, 1.0);
  c.direction = same ? Change::Direction::flat : delta > 0 ? Change::Direction::up : Change::Direction::down;
  if (*comparison != 0)
    c.percent = same ? 0.0 : delta / std::abs(*comparison) * 100;
  else if (same)
    c.percent = 0.0;
  return c;
}

namespace {

std::string percent_part(double percent) {
  double magnitude = std::abs(percent);
  double rounded_one = std::round(magnitude * 10) / 10;
  if (rounded_one < 10) {
    std::string text = fmt::format("{:.1f}", rounded_one);
    if (text.size() > 2 && text.substr(text.size() - 2) == ".0") text.resize(text.size() - 2);
    return text + "%";
  }
  return fmt::format("{:.0f}%", std::round(magnitude));
}

}  // namespace

std::string change_text(const Change& change) {
  switch (change.direction) {
    case Change::Direction::unknown: return "–";
    case Change::Direction::flat: return "→ 0%";
    case Change::Direction::up: return change.percent ? "↑ " + percent_part(*change.percent) : "↑ new";
    case Change::Direction::down: return change.percent ? "↓ " + percent_part(*change.percent) : "↓";
  }
  return "–";
}

std::string change_words(const Change& change) {
  switch (change.direction) {
    case Change::Direction::unknown: return "no data to compare";
    case Change::Direction::flat: return "no change";
    case Change::Direction::up: return change.percent ? "up " + percent_part(*change.percent) : "up from nothing";
    case Change::Direction::down: return change.percent ? "down " + percent_part(*change.percent) : "down";
  }
  return "no data to compare";
}

}  // namespace shopkeep::report
