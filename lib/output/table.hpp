#pragma once
// The table for people: columns as wide as their widest cell (capped), fitted to the terminal's
// width by leaving out the last columns, which are named so the reader knows.
#include <cstddef>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "output/format.hpp"

namespace shopkeep::output {

// Display width of UTF-8 text (code points; close enough for a terminal).
size_t display_width(std::string_view text);

// A table written row by row. The first `sizing_rows` rows are held to size the columns (all of
// them by default, as write_table does); once that many came, they are written and every later row
// streams out at once, its cells cut to the widths already set, so a long listing never sits in
// memory whole.
class TableWriter {
 public:
  TableWriter(std::ostream& out, std::vector<std::string> columns, size_t width,
              size_t sizing_rows = std::numeric_limits<size_t>::max());
  void add(std::vector<std::string> cells);
  // Writes what is still held; what had to be left out to fit.
  TableFit finish();

 private:
  void size_columns();
  void write_row(std::vector<std::string>& cells);

  std::ostream& out_;
  std::vector<std::string> columns_;
  size_t width_, sizing_rows_;
  std::vector<std::vector<std::string>> held_;
  std::vector<size_t> widths_;
  size_t shown_ = 0;
  bool sized_ = false;
  TableFit fit_;
};

TableFit write_table(std::ostream& out, const std::vector<std::string>& columns,
                     std::vector<std::vector<std::string>> cells, size_t width);

}  // namespace shopkeep::output
