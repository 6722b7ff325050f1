// shopkeep sql QUERY: read-only SQL over the store.
#include <memory>

#include "registry.hpp"
#include "store/read_only_query.hpp"

namespace shopkeep::cmd {

void setup_sql(CLI::App& command, Registry& registry) {
  auto query = std::make_shared<std::string>();
  auto* cmd = &command;
  cmd->add_option("QUERY", *query, "a SELECT (or other read-only statement)")->required();
  cmd->footer(
      "Example: shopkeep sql 'SELECT email, number_of_orders FROM customers LIMIT 5' --format csv\n"
      "The schema is documented in docs/schema.md. Writes are refused (exit 2).");
  registry.on_run(cmd, [query](Context& ctx) {
    auto store = ctx.open_store();
    ctx.write_listing(store::read_only_query(*store, *query));
  });
}

}  // namespace shopkeep::cmd
