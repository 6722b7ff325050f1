// shopkeep status: rows per table, sync cursors per source and resource, store size.
#include "registry.hpp"
#include "store/status.hpp"

namespace shopkeep::cmd {

namespace {

void run_status(Context& ctx) {
  auto store = ctx.open_store();
  auto status = store::store_status(*store);
  if (ctx.format() != output::Format::table) {
    if (ctx.format() == output::Format::json || ctx.format() == output::Format::ndjson) {
      ctx.write_object(status);
    } else {  // csv: one row per table
      auto rows = output::Json::array();
      for (const auto& [name, count] : status["tables"].items()) rows.push_back({{"table", name}, {"rows", count}});
      ctx.write_listing(rows);
    }
    return;
  }
  auto tables = output::Json::array();
  for (const auto& [name, count] : status["tables"].items()) tables.push_back({{"table", name}, {"rows", count}});
  ctx.out() << "Store " << ctx.store_path().string() << " (" << status["store_bytes"].get<std::uint64_t>()
            << " bytes)\n\n";
  ctx.write_listing(tables);
  ctx.out() << '\n';
  if (status["sources"].empty())
    ctx.out() << "No sync yet: run 'shopkeep sync', or load files with 'shopkeep import'.\n";
  else
    ctx.write_listing(status["sources"]);
}

}  // namespace

void setup_status(CLI::App& command, Registry& registry) {
  auto* cmd = &command;
  cmd->footer("--json prints {\"tables\": {NAME: ROWS}, \"sources\": [...], \"store_bytes\": N}.");
  registry.on_run(cmd, run_status);
}

}  // namespace shopkeep::cmd
