#pragma once
// The output formats every read command shares: table (people), json, ndjson, csv (RFC 4180).
// Commands build rows as JSON objects; this renders them to the stream they are given.
#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace shopkeep::output {

using Json = nlohmann::ordered_json;  // keeps field order as the command wrote it

enum class Format { table, json, ndjson, csv };

// "table", "json", "ndjson", "csv"; throws a usage error for anything else.
Format parse_format(std::string_view name);
// The names parse_format accepts, in that order (for --help and shell completion).
std::vector<std::string> format_names();

// A listing: an array of objects with the same fields. Empty arrays print nothing in table and
// csv-with-no-columns cases, "[]" in json.
void write_listing(std::ostream& out, Format format, const Json& rows);

// A single report: one object (json prints it as is; ndjson on one line; table and csv
// flatten nested objects to dotted keys).
void write_object(std::ostream& out, Format format, const Json& object);

// One CSV field, quoted per RFC 4180 when needed.
std::string csv_field(std::string_view text);

// A scalar as text for table and csv cells: strings bare, null empty, others as JSON.
std::string cell_text(const Json& value);

}  // namespace shopkeep::output
