#include "analytics/support/sentiment_lines.hpp"

#include "core/line_reader.hpp"

namespace shopkeep::analytics::support {

nlohmann::ordered_json sentiment_lines(const std::string& path, const std::function<Polarity(std::string_view)>& score,
                                       bool with_text) {
  auto rows = nlohmann::ordered_json::array();
  LineReader reader(path);
  std::string_view line;
  while (reader.next(line)) {
    Polarity p = rounded_as_reference(score(line));
    nlohmann::ordered_json row;
    row["line"] = reader.line_number();
    row["compound"] = p.compound;
    row["pos"] = p.pos;
    row["neu"] = p.neu;
    row["neg"] = p.neg;
    // Invalid UTF-8 cannot go into JSON: the text column is for people reading a table.
    if (with_text) row["text"] = std::string(line);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace shopkeep::analytics::support
