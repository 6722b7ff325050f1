#pragma once
// The table for people: columns as wide as their widest cell (capped), fitted to the terminal's
// width by leaving out the last columns, which are named so the reader knows.
#include <string>
#include <vector>

#include "output/format.hpp"

namespace shopkeep::output {

// Display width of UTF-8 text (code points; close enough for a terminal).
size_t display_width(std::string_view text);

TableFit write_table(std::ostream& out, const std::vector<std::string>& columns,
                     std::vector<std::vector<std::string>> cells, size_t width);

}  // namespace shopkeep::output
