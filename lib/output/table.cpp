#include "output/table.hpp"

#include <algorithm>

namespace shopkeep::output {

namespace {

constexpr size_t kMaxCell = 48;  // longer cells are cut with an ellipsis
constexpr size_t kGap = 2;

// The first `limit` code points of `text`, with "…" when cut.
std::string cut(const std::string& text, size_t limit) {
  if (display_width(text) <= limit) return text;
  size_t points = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((text[i] & 0xC0) != 0x80) {
      if (points == limit - 1) break;
      ++points;
    }
  }
  return text.substr(0, i) + "\xE2\x80\xA6";
}

}  // namespace

size_t display_width(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

TableFit write_table(std::ostream& out, const std::vector<std::string>& columns,
                     std::vector<std::vector<std::string>> cells, size_t width) {
  TableFit fit;
  for (auto& row : cells)
    for (auto& cell : row)
      if (display_width(cell) > kMaxCell) {
        cell = cut(cell, kMaxCell);
        fit.truncated_cells = true;
      }
  std::vector<size_t> widths(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) widths[c] = display_width(columns[c]);
  for (const auto& row : cells)
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  size_t shown = columns.size(), total = 0;
  for (size_t c = 0; c < columns.size(); ++c) total += widths[c] + (c ? kGap : 0);
  while (width > 0 && shown > 1 && total > width) {
    --shown;
    total -= widths[shown] + kGap;
  }
  fit.hidden_columns.assign(columns.begin() + static_cast<long>(shown), columns.end());
  auto write_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < shown; ++c) {
      line += row[c];
      if (c + 1 < shown) line.append(widths[c] - display_width(row[c]) + kGap, ' ');
    }
    out << line << '\n';
  };
  write_row(columns);
  for (const auto& row : cells) write_row(row);
  return fit;
}

}  // namespace shopkeep::output
