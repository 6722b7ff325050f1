// shopkeep sql QUERY: read-only SQL over the store, rows streamed as they come (csv, ndjson).
#include <memory>

#include "registry.hpp"
#include "store/read_only_query.hpp"

namespace shopkeep::cmd {

namespace {

// csv and ndjson print each row as it comes, so a big result never sits in memory.
void stream_rows(Context& ctx, store::Db& db, const std::string& query) {
  bool csv = ctx.format() == output::Format::csv;
  std::vector<std::string> columns;
  store::read_only_query(
      db, query,
      [&](const std::vector<std::string>& names) {
        columns = names;
        if (!csv) return;
        std::string header;
        for (size_t c = 0; c < names.size(); ++c) header += (c ? "," : "") + output::csv_field(names[c]);
        ctx.out() << header << "\r\n";
      },
      [&](const output::Json& row) {
        if (!csv) {
          ctx.out() << row.dump(-1, ' ', false, output::Json::error_handler_t::replace) << '\n';
          return;
        }
        std::string line;
        for (size_t c = 0; c < columns.size(); ++c)
          line += (c ? "," : "") + output::csv_field(output::cell_text(row[columns[c]]));
        ctx.out() << line << "\r\n";
      });
}

void run_sql(Context& ctx, const std::string& query) {
  auto store = ctx.open_store();
  bool streams =
      (ctx.format() == output::Format::csv || ctx.format() == output::Format::ndjson) && ctx.globals().fields.empty();
  if (streams) return stream_rows(ctx, *store, query);
  output::ListingInfo info{"No rows.", {}};
  auto rows = output::Json::array();
  store::read_only_query(
      *store, query, [&](const std::vector<std::string>& names) { info.columns = names; },
      [&](const output::Json& row) { rows.push_back(row); });
  ctx.write_listing(rows, info);
}

}  // namespace

void setup_sql(CLI::App& command, Registry& registry) {
  auto query = std::make_shared<std::string>();
  auto* cmd = &command;
  cmd->add_option("QUERY", *query, "a SELECT (or other read-only statement)")->required();
  cmd->footer(
      "Example: shopkeep sql 'SELECT email, number_of_orders FROM customers LIMIT 5' --format csv\n"
      "The schema is documented in docs/schema.md. Writes (ATTACH included) are refused (exit 2).\n"
      "Columns with the same name are kept: title, title_2. csv and ndjson stream row by row.");
  registry.on_run(cmd, [query](Context& ctx) { run_sql(ctx, *query); });
}

}  // namespace shopkeep::cmd
