#include "output/table.hpp"

#include <algorithm>

namespace shopkeep::output {

namespace {

constexpr size_t kMaxCell = 48;  // longer cells are cut with an ellipsis
constexpr size_t kGap = 2;

// The first `limit` code points of `text`, with "…" when cut.
std::string cut(const std::string& text, size_t limit) {
  if (display_width(text) <= limit) return text;
  if (limit == 0) return {};
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

TableWriter::TableWriter(std::ostream& out, std::vector<std::string> columns, size_t width, size_t sizing_rows)
    : out_(out), columns_(std::move(columns)), width_(width), sizing_rows_(sizing_rows) {}

void TableWriter::add(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (auto& cell : cells)
    if (display_width(cell) > kMaxCell) {
      cell = cut(cell, kMaxCell);
      fit_.truncated_cells = true;
    }
  if (sized_) return write_row(cells);
  held_.push_back(std::move(cells));
  if (held_.size() >= sizing_rows_) size_columns();
}

TableFit TableWriter::finish() {
  if (!sized_) size_columns();
  return fit_;
}

// Widths from the header and the rows held, then the columns that fit; writes the header and the
// rows held.
void TableWriter::size_columns() {
  sized_ = true;
  widths_.assign(columns_.size(), 0);
  for (size_t c = 0; c < columns_.size(); ++c) widths_[c] = display_width(columns_[c]);
  for (const auto& row : held_)
    for (size_t c = 0; c < row.size(); ++c) widths_[c] = std::max(widths_[c], display_width(row[c]));
  shown_ = columns_.size();
  size_t total = 0;
  for (size_t c = 0; c < columns_.size(); ++c) total += widths_[c] + (c ? kGap : 0);
  while (width_ > 0 && shown_ > 1 && total > width_) {
    --shown_;
    total -= widths_[shown_] + kGap;
  }
  fit_.hidden_columns.assign(columns_.begin() + static_cast<long>(shown_), columns_.end());
  auto header = columns_;
  write_row(header);
  for (auto& row : held_) write_row(row);
  held_.clear();
  held_.shrink_to_fit();
}

void TableWriter::write_row(std::vector<std::string>& cells) {
  std::string line;
  for (size_t c = 0; c < shown_; ++c) {
    if (display_width(cells[c]) > widths_[c]) {  // a row after the sizing ones
      cells[c] = cut(cells[c], widths_[c]);
      fit_.truncated_cells = true;
    }
    line += cells[c];
    if (c + 1 < shown_) line.append(widths_[c] - display_width(cells[c]) + kGap, ' ');
  }
  out_ << line << '\n';
}

TableFit write_table(std::ostream& out, const std::vector<std::string>& columns,
                     std::vector<std::vector<std::string>> cells, size_t width) {
  TableWriter table(out, columns, width);
  for (auto& row : cells) table.add(std::move(row));
  return table.finish();
}

}  // namespace shopkeep::output
