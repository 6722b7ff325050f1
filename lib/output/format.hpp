#pragma once
// The output formats every read command shares: table (people), json, ndjson, csv (RFC 4180).
// Commands build rows as JSON objects; this renders them to the stream they are given. JSON and CSV
// stay exact; only the table is shaped for people (rates as percentages, rounded numbers, the
// terminal's width, control characters made visible).
#include <nlohmann/json.hpp>

#include <limits>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace shopkeep::output {

using Json = nlohmann::ordered_json;  // keeps field order as the command wrote it

enum class Format { table, json, ndjson, csv };

// "table", "json", "ndjson", "csv" in any case; throws a usage error for anything else.
Format parse_format(std::string_view name);
// The names parse_format accepts, in that order (for --help and shell completion).
std::vector<std::string> format_names();

struct OutputOptions {
  Format format = Format::table;
  std::vector<std::string> fields;  // --fields: these columns (keys), in this order; empty = all
  size_t width = 0;                 // table: the terminal's columns; 0 = no limit
};

// What a listing is, besides its rows.
struct ListingInfo {
  std::string empty = "No results.";  // the table's sentence when there are no rows
  std::vector<std::string> columns;   // the columns when there are no rows (csv header, --fields check)
};

// What the table had to leave out to fit the width.
struct TableFit {
  std::vector<std::string> hidden_columns;
  bool truncated_cells = false;
};

// A listing written as its rows come, in any format, with --fields applied: json (the same bytes
// as write_listing), ndjson and csv row by row; a table sizes its columns on the first
// `table_sizing_rows` rows and then streams (TableWriter). The columns are known before the rows
// (a query's); a --fields name that is not one of them is a usage error at construction.
class ListingWriter {
 public:
  ListingWriter(std::ostream& out, const OutputOptions& options, const ListingInfo& info,
                size_t table_sizing_rows = std::numeric_limits<size_t>::max());
  ~ListingWriter();
  ListingWriter(const ListingWriter&) = delete;
  ListingWriter& operator=(const ListingWriter&) = delete;
  void add(const Json& row);
  TableFit finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A listing: an array of objects with the same fields. json prints [] when empty, csv its header
// (when the columns are known), table the `empty` sentence. Usage error for a --fields name that is
// not a column.
TableFit write_listing(std::ostream& out, const OutputOptions& options, const Json& rows, const ListingInfo& info = {});
void write_listing(std::ostream& out, Format format, const Json& rows);

// A single report: one object (json prints it as is; ndjson on one line; table and csv flatten
// nested objects to dotted keys). --fields picks top-level keys.
void write_object(std::ostream& out, const OutputOptions& options, const Json& object);
void write_object(std::ostream& out, Format format, const Json& object);

// One CSV field, quoted per RFC 4180 when needed.
std::string csv_field(std::string_view text);

// A scalar as exact text for csv cells: strings bare, null empty, others as JSON.
std::string cell_text(const Json& value);

// A scalar as a person reads it in a table: `key` says what it is (a rate prints as a percentage),
// floats are rounded, control characters are shown as \x1b and never reach the terminal raw.
std::string people_text(std::string_view key, const Json& value);

// Text for a terminal: control characters (an ESC from a customer name, a product title, a type
// name in a warning) shown as \x1b, so data never drives the terminal; CR and tabs become spaces,
// newlines too unless `keep_newlines` (multi-line messages). The one escaping of table cells and of
// every message on stderr; JSON and CSV stay exact.
std::string visible_text(std::string_view text, bool keep_newlines = false);

// The keys of an object in order (the columns of rows made by the same to_json).
std::vector<std::string> keys_of(const Json& object);

}  // namespace shopkeep::output
