#include "output/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "output/table.hpp"

namespace shopkeep::output {

namespace {

constexpr std::pair<std::string_view, Format> kFormats[] = {
    {"table", Format::table}, {"json", Format::json}, {"ndjson", Format::ndjson}, {"csv", Format::csv}};

}  // namespace

Format parse_format(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& [format_name, format] : kFormats)
    if (lower == format_name) return format;
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

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, _] : object.items()) keys.push_back(key);
  return keys;
}

namespace {

std::string dump(const Json& v, int indent = -1) { return v.dump(indent, ' ', false, Json::error_handler_t::replace); }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Fields that are shares of a whole (0.25 = 25%); the rest of the numbers print as numbers.
bool is_share(std::string_view key) {
  for (std::string_view suffix : {"rate", "conversion", "csat", "p_alive", "recall", "confidence", "support", "share",
                                  "uplift_absolute", "uplift_relative", "ci_low", "ci_high", "coverage"})
    if (key == suffix || ends_with(key, "_" + std::string(suffix)) || ends_with(key, suffix)) return true;
  return false;
}

// Shortest fixed notation of `v` with at most `decimals` decimals ("0.5", "12", "3.14").
std::string fixed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string rounded(double v) {
  double a = std::fabs(v);
  if (a == 0) return "0";
  if (a >= 100) return fixed(v, 1);
  if (a >= 1) return fixed(v, 2);
  // three significant digits below 1 (0.00123)
  int decimals = std::min(12, 2 - static_cast<int>(std::floor(std::log10(a))));
  return fixed(v, decimals);
}

// A table cell is one line: its newlines and tabs become spaces.
std::string visible(const std::string& s) { return visible_text(s, false); }

// Column names in first-seen order across all rows.
std::vector<std::string> columns_of(const Json& rows) {
  std::vector<std::string> columns;
  for (const auto& row : rows)
    for (const auto& [key, _] : row.items())
      if (std::find(columns.begin(), columns.end(), key) == columns.end()) columns.push_back(key);
  return columns;
}

// --fields: the asked columns, each checked against what the rows have.
std::vector<std::string> pick(const std::vector<std::string>& columns, const std::vector<std::string>& fields) {
  if (fields.empty()) return columns;
  for (const auto& f : fields)
    if (std::find(columns.begin(), columns.end(), f) == columns.end())
      throw usage_error("--fields: no field '" + f + "'", fmt::format("fields: {}", fmt::join(columns, ", ")));
  return fields;
}

void flatten(const Json& value, const std::string& prefix, Json& into) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, child] : value.items()) flatten(child, prefix.empty() ? key : prefix + "." + key, into);
  } else {
    into[prefix] = value;
  }
}

Json only(const Json& row, const std::vector<std::string>& columns) {
  Json picked = Json::object();
  for (const auto& c : columns)
    if (row.contains(c)) picked[c] = row[c];
  return picked;
}

}  // namespace

std::string visible_text(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c == '\n' && keep_newlines)
      out += '\n';
    else if (c == '\n' || c == '\r' || c == '\t')
      out += ' ';
    else if (c < 0x20 || c == 0x7f)
      out += fmt::format("\\x{:02x}", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

std::string people_text(std::string_view key, const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return visible(v.get<std::string>());
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (is_share(key) && std::fabs(d) <= 1.0) return fixed(d * 100, std::fabs(d) < 0.001 && d != 0 ? 3 : 1) + "%";
    return rounded(d);
  }
  if (v.is_array() && std::all_of(v.begin(), v.end(), [](const Json& e) { return !e.is_structured(); })) {
    std::string joined;
    for (const auto& e : v) joined += (joined.empty() ? "" : ", ") + cell_text(e);
    return visible(joined);
  }
  return visible(cell_text(v));
}

struct ListingWriter::Impl {
  std::ostream& out;
  OutputOptions options;
  std::string empty;
  std::vector<std::string> columns;
  size_t table_sizing_rows;
  size_t rows = 0;
  std::optional<TableWriter> table;

  // One row of the JSON array, as dump(rows, 2) prints it: indent 2, each row one level in.
  void write_json_element(const Json& row) {
    std::string text = dump(row, 2);
    std::string element = rows == 0 ? "[\n  " : ",\n  ";
    element.reserve(element.size() + text.size() + text.size() / 8);
    for (char c : text) {
      element += c;
      if (c == '\n') element += "  ";
    }
    out << element;
  }

  void write_csv_row(const Json& row) {
    std::string line;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c) line += ',';
      if (row.contains(columns[c])) line += csv_field(cell_text(row[columns[c]]));
    }
    out << line << "\r\n";
  }

  void add_table_row(const Json& row) {
    if (!table) table.emplace(out, columns, options.width, table_sizing_rows);
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    for (const auto& c : columns) cells.push_back(row.contains(c) ? people_text(c, row[c]) : "");
    table->add(std::move(cells));
  }
};

ListingWriter::ListingWriter(std::ostream& out, const OutputOptions& o, const ListingInfo& info,
                             size_t table_sizing_rows)
    : impl_(new Impl{out, o, info.empty, info.columns.empty() ? o.fields : pick(info.columns, o.fields),
                     table_sizing_rows, 0, std::nullopt}) {
  const auto& columns = impl_->columns;
  if (o.format == Format::csv && !columns.empty()) {
    std::string line;
    for (size_t c = 0; c < columns.size(); ++c) line += (c ? "," : "") + csv_field(columns[c]);
    out << line << "\r\n";
  }
}

ListingWriter::~ListingWriter() = default;

void ListingWriter::add(const Json& row) {
  auto& i = *impl_;
  bool narrowed = !i.options.fields.empty();  // --fields: only those keys, in that order
  switch (i.options.format) {
    case Format::json: i.write_json_element(narrowed ? only(row, i.columns) : row); break;
    case Format::ndjson: i.out << dump(narrowed ? only(row, i.columns) : row) << '\n'; break;
    case Format::csv:
      if (!i.columns.empty()) i.write_csv_row(row);
      break;
    case Format::table: i.add_table_row(row); break;
  }
  ++i.rows;
}

TableFit ListingWriter::finish() {
  auto& i = *impl_;
  switch (i.options.format) {
    case Format::json: i.out << (i.rows == 0 ? "[]\n" : "\n]\n"); return {};
    case Format::table:
      if (i.table) return i.table->finish();
      if (!i.empty.empty()) i.out << i.empty << '\n';
      return {};
    default: return {};
  }
}

TableFit write_listing(std::ostream& out, const OutputOptions& o, const Json& rows, const ListingInfo& info) {
  ListingInfo all = info;
  if (!rows.empty()) all.columns = columns_of(rows);
  ListingWriter listing(out, o, all);
  for (const auto& row : rows) listing.add(row);
  return listing.finish();
}

void write_listing(std::ostream& out, Format format, const Json& rows) {
  OutputOptions o;
  o.format = format;
  write_listing(out, o, rows, ListingInfo{"", {}});
}

void write_object(std::ostream& out, const OutputOptions& o, const Json& given) {
  Json object = o.fields.empty() ? given : only(given, pick(keys_of(given), o.fields));
  switch (o.format) {
    case Format::json: out << dump(object, 2) << '\n'; return;
    case Format::ndjson: out << dump(object) << '\n'; return;
    case Format::csv: {
      Json flat = Json::object();
      flatten(object, "", flat);
      OutputOptions csv;
      csv.format = Format::csv;
      ListingWriter listing(out, csv, {"", keys_of(flat)});
      listing.add(flat);
      listing.finish();
      return;
    }
    case Format::table: {
      Json flat = Json::object();
      flatten(object, "", flat);
      size_t width = 0;
      for (const auto& [key, _] : flat.items()) width = std::max(width, display_width(key));
      for (const auto& [key, value] : flat.items()) {
        std::string leaf = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
        out << key << std::string(width - display_width(key) + 2, ' ') << people_text(leaf, value) << '\n';
      }
      return;
    }
  }
}

void write_object(std::ostream& out, Format format, const Json& object) {
  OutputOptions o;
  o.format = format;
  write_object(out, o, object);
}

}  // namespace shopkeep::output
