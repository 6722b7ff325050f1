#include "output/format.hpp"

#include <algorithm>
#include <vector>

#include "core/error.hpp"

namespace shopkeep::output {

namespace {

constexpr std::pair<std::string_view, Format> kFormats[] = {
    {"table", Format::table}, {"json", Format::json}, {"ndjson", Format::ndjson}, {"csv", Format::csv}};

}  // namespace

Format parse_format(std::string_view name) {
  for (const auto& [format_name, format] : kFormats)
    if (name == format_name) return format;
  std::string names;
  for (const auto& n : format_names()) names += (names.empty() ? "" : ", ") + n;
  throw usage_error("invalid --format '" + std::string(name) + "'", "choose one of " + names);
}

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& f : kFormats) names.emplace_back(f.first);
  return names;
}

std::string csv_field(std::string_view text) {
  bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string cell_text(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

namespace {

std::string dump(const Json& v, int indent = -1) { return v.dump(indent, ' ', false, Json::error_handler_t::replace); }

// Column names in first-seen order across all rows.
std::vector<std::string> columns_of(const Json& rows) {
  std::vector<std::string> columns;
  for (const auto& row : rows)
    for (const auto& [key, _] : row.items())
      if (std::find(columns.begin(), columns.end(), key) == columns.end()) columns.push_back(key);
  return columns;
}

// Display width of UTF-8 text: code points, which is close enough for a terminal table.
size_t display_width(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

void write_table(std::ostream& out, const std::vector<std::string>& columns,
                 const std::vector<std::vector<std::string>>& cells) {
  std::vector<size_t> width(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) width[c] = display_width(columns[c]);
  for (const auto& row : cells)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
  auto write_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(width[c] - display_width(row[c]) + 2, ' ');
    }
    out << line << '\n';
  };
  write_row(columns);
  for (const auto& row : cells) write_row(row);
}

void flatten(const Json& value, const std::string& prefix, Json& into) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, child] : value.items()) flatten(child, prefix.empty() ? key : prefix + "." + key, into);
  } else {
    into[prefix] = value;
  }
}

}  // namespace

void write_listing(std::ostream& out, Format format, const Json& rows) {
  switch (format) {
    case Format::json: out << dump(rows.is_null() ? Json::array() : rows, 2) << '\n'; return;
    case Format::ndjson:
      for (const auto& row : rows) out << dump(row) << '\n';
      return;
    case Format::csv: {
      auto columns = columns_of(rows);
      if (columns.empty()) return;
      std::string line;
      for (size_t c = 0; c < columns.size(); ++c) line += (c ? "," : "") + csv_field(columns[c]);
      out << line << "\r\n";
      for (const auto& row : rows) {
        line.clear();
        for (size_t c = 0; c < columns.size(); ++c) {
          if (c) line += ',';
          if (row.contains(columns[c])) line += csv_field(cell_text(row[columns[c]]));
        }
        out << line << "\r\n";
      }
      return;
    }
    case Format::table: {
      auto columns = columns_of(rows);
      if (columns.empty()) return;
      std::vector<std::vector<std::string>> cells;
      cells.reserve(rows.size());
      for (const auto& row : rows) {
        std::vector<std::string> r;
        for (const auto& c : columns) r.push_back(row.contains(c) ? one_line(cell_text(row[c])) : "");
        cells.push_back(std::move(r));
      }
      write_table(out, columns, cells);
      return;
    }
  }
}

void write_object(std::ostream& out, Format format, const Json& object) {
  switch (format) {
    case Format::json: out << dump(object, 2) << '\n'; return;
    case Format::ndjson: out << dump(object) << '\n'; return;
    case Format::csv: {
      Json flat = Json::object();
      flatten(object, "", flat);
      write_listing(out, format, Json::array({flat}));
      return;
    }
    case Format::table: {
      Json flat = Json::object();
      flatten(object, "", flat);
      size_t width = 0;
      for (const auto& [key, _] : flat.items()) width = std::max(width, display_width(key));
      for (const auto& [key, value] : flat.items())
        out << key << std::string(width - display_width(key) + 2, ' ') << one_line(cell_text(value)) << '\n';
      return;
    }
  }
}

}  // namespace shopkeep::output
