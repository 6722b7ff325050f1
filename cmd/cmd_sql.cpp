// shopkeep sql QUERY: read-only SQL over the store, rows streamed as they come in every format.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include "registry.hpp"
#include "store/read_only_query.hpp"
#include "validators.hpp"

namespace shopkeep::cmd {

namespace {

struct SqlOptions {
  std::string query;
  double timeout_seconds = 60;
  std::int64_t max_memory_mib = 1024;
  store::QueryLimits limits() const {
    return {std::chrono::milliseconds(static_cast<std::int64_t>(timeout_seconds * 1000)),
            std::min(max_memory_mib, std::int64_t{1} << 30) << 20};
  }
};

// A table sizes its columns on this many rows, then streams the rest cut to those widths.
constexpr size_t kTableSizingRows = 1000;

// Every format prints the rows as they come, so a big result never sits in memory (a table holds
// its first kTableSizingRows rows).
void run_sql(Context& ctx, const SqlOptions& o) {
  auto store = ctx.open_store();
  std::optional<output::ListingWriter> listing;
  store::read_only_query(
      *store, o.query,
      [&](const std::vector<std::string>& names) {
        listing.emplace(ctx.out(), ctx.output_options(), output::ListingInfo{"No rows.", names}, kTableSizingRows);
      },
      [&](const output::Json& row) { listing->add(row); }, o.limits());
  if (listing) ctx.note_fit(listing->finish());
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
      "Columns with the same name are kept: title, title_2. Rows stream as they come (a table sizes its\n"
      "columns on the first 1,000 and cuts longer cells after them with ...).\n"
      "A query past --timeout or --max-memory is stopped (exit 1): docs/errors.md lists every limit.");
  registry.on_run(cmd, [options](Context& ctx) { run_sql(ctx, *options); });
}

}  // namespace shopkeep::cmd
