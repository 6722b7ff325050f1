// shopkeep sql QUERY: read-only SQL over the store, rows streamed as they come (json, csv, ndjson).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>

#include "registry.hpp"
#include "store/read_only_query.hpp"
#include "validators.hpp"

namespace shopkeep::cmd {

namespace {

// json, csv and ndjson print each row as it comes, so a big result never sits in memory.
struct SqlOptions {
  std::string query;
  double timeout_seconds = 60;
  std::int64_t max_memory_mib = 1024;
  store::QueryLimits limits() const {
    return {std::chrono::milliseconds(static_cast<std::int64_t>(timeout_seconds * 1000)),
            std::min(max_memory_mib, std::int64_t{1} << 30) << 20};
  }
};

// One row of a JSON array as write_listing prints the whole array (indent 2, each row one level in).
std::string json_array_element(const output::Json& row) {
  std::string text = row.dump(2, ' ', false, output::Json::error_handler_t::replace);
  std::string out = "  ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

void stream_rows(Context& ctx, store::Db& db, const SqlOptions& o) {
  bool csv = ctx.format() == output::Format::csv;
  bool json = ctx.format() == output::Format::json;
  std::vector<std::string> columns;
  size_t rows = 0;
  store::read_only_query(
      db, o.query,
      [&](const std::vector<std::string>& names) {
        columns = names;
        if (!csv) return;
        std::string header;
        for (size_t c = 0; c < names.size(); ++c) header += (c ? "," : "") + output::csv_field(names[c]);
        ctx.out() << header << "\r\n";
      },
      [&](const output::Json& row) {
        if (json) {
          ctx.out() << (rows++ == 0 ? "[\n" : ",\n") << json_array_element(row);
          return;
        }
        if (!csv) {
          ctx.out() << row.dump(-1, ' ', false, output::Json::error_handler_t::replace) << '\n';
          return;
        }
        std::string line;
        for (size_t c = 0; c < columns.size(); ++c)
          line += (c ? "," : "") + output::csv_field(output::cell_text(row[columns[c]]));
        ctx.out() << line << "\r\n";
      },
      o.limits());
  if (json) ctx.out() << (rows == 0 ? "[]\n" : "\n]\n");
}

void run_sql(Context& ctx, const SqlOptions& o) {
  auto store = ctx.open_store();
  bool streams = ctx.format() != output::Format::table && ctx.globals().fields.empty();  // a table needs every row
  if (streams) return stream_rows(ctx, *store, o);
  output::ListingInfo info{"No rows.", {}};
  auto rows = output::Json::array();
  store::read_only_query(
      *store, o.query, [&](const std::vector<std::string>& names) { info.columns = names; },
      [&](const output::Json& row) { rows.push_back(row); }, o.limits());
  ctx.write_listing(rows, info);
}

}  // namespace

void setup_sql(CLI::App& command, Registry& registry) {
  auto options = std::make_shared<SqlOptions>();
  auto* cmd = &command;
  cmd->add_option("QUERY", options->query, "a SELECT (or other read-only statement)")->required();
  cmd->add_option("--timeout", options->timeout_seconds, "stop the query after this many seconds (0: no limit)")
      ->check(number_between(0, 31'536'000))
      ->capture_default_str();
  cmd->add_option("--max-memory", options->max_memory_mib,
                  "stop the query past this much SQLite memory, MiB (0: no limit)")
      ->check(whole_number_at_least(0))
      ->capture_default_str();
  cmd->footer(
      "Example: shopkeep sql 'SELECT email, number_of_orders FROM customers LIMIT 5' --format csv\n"
      "The schema is documented in docs/schema.md. Writes (ATTACH included) are refused (exit 2).\n"
      "Columns with the same name are kept: title, title_2. json, csv and ndjson stream row by row.\n"
      "A query past --timeout or --max-memory is stopped (exit 1): docs/errors.md lists every limit.");
  registry.on_run(cmd, [options](Context& ctx) { run_sql(ctx, *options); });
}

}  // namespace shopkeep::cmd
