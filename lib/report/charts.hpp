#pragma once
// The report's charts as data for templates/report/chart.mustache: the geometry (every mark's
// coordinates, the axes with their ticks, the legend) is computed here, so a template only lays
// out elements; each chart also carries its text alternative (title, description) and its data
// as a table. Colours are the Okabe-Ito palette, which stays distinct for the common kinds of
// colour blindness; series also differ by shape or dash where colour alone would carry meaning.
#include <kainjow/mustache.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace shopkeep::report {

namespace palette {
inline constexpr const char* blue = "#0072B2";
inline constexpr const char* orange = "#E69F00";
inline constexpr const char* green = "#009E73";
inline constexpr const char* vermillion = "#D55E00";
inline constexpr const char* sky = "#56B4E9";
inline constexpr const char* purple = "#CC79A7";
}  // namespace palette

using ValueText = std::function<std::string(double)>;

struct Series {
  std::string name, color;
  std::vector<std::optional<double>> values;  // one per category; none = no data (a gap)
  bool dashed = false;
};

// Vertical bars (grouped or stacked) or lines over categories (weeks, months, bins).
struct XYChart {
  enum class Style { bars, stacked_bars, lines } style = Style::bars;
  std::string id, title, description, x_label, y_label;
  std::vector<std::string> categories;      // full names (the data table)
  std::vector<std::string> category_ticks;  // short names under the axis; empty = categories
  std::vector<Series> series;
  ValueText tick_text, value_text;  // axis ticks; table cells and tooltips
};

// One horizontal bar per row (segments, funnel steps, severities).
struct BarRow {
  std::string label, color;
  double value = 0;
  std::string note;  // an extra table column (what the segment means), may be empty
};
struct BarList {
  std::string id, title, description, value_label, note_label;
  std::vector<BarRow> rows;
  ValueText value_text;
};

// Rows x columns of shares 0..1 (cohort retention), shaded from light to dark blue.
struct HeatMap {
  std::string id, title, description, row_label, column_label;
  std::vector<std::string> rows, columns;
  std::vector<std::vector<std::optional<double>>> shares;  // [row][column]; none = not yet observable
  std::vector<std::string> row_notes;                      // e.g. the cohort's size, shown beside its label
};

// Point estimates with confidence intervals around zero (campaign uplift).
struct IntervalRow {
  std::string label;
  std::optional<double> estimate, low, high;
  bool conclusive = false;
  std::string note;
};
struct IntervalChart {
  std::string id, title, description, value_label;
  std::vector<IntervalRow> rows;
  ValueText value_text;
};

kainjow::mustache::data xy_chart(const XYChart& chart);
kainjow::mustache::data bar_list(const BarList& chart);
kainjow::mustache::data heat_map(const HeatMap& chart);
kainjow::mustache::data interval_chart(const IntervalChart& chart);

// A data table for the page's data_table template: the first column is the row's label, later cells
// that read as numbers are right-aligned.
kainjow::mustache::data data_table(const std::string& caption, const std::vector<std::string>& headers,
                                   const std::vector<std::vector<std::string>>& rows);

// The heat map's shade of a share (0 = lightest, 1 = darkest) and the text colour that reads on it.
std::string heat_colour(double share);
std::string text_colour_on(const std::string& fill);
// WCAG 2 contrast ratio of two "#rrggbb" colours (1..21).
double contrast_ratio(const std::string& a, const std::string& b);

}  // namespace shopkeep::report
