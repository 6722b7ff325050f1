// shopkeep status: rows per table, sync cursors per source and resource, store size.
#include <fmt/format.h>

#include "registry.hpp"
#include "store/status.hpp"

namespace shopkeep::cmd {

namespace {

// 1536 -> "1.5 KB", as people read sizes.
std::string human_bytes(std::uint64_t bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1024 && u < 4) v /= 1024, ++u;
  return u == 0 ? fmt::format("{} bytes", bytes) : fmt::format("{:.1f} {}", v, units[u]);
}

std::string text(const output::Json& v) { return v.is_null() ? "-" : output::cell_text(v); }

void write_summary(Context& ctx, const output::Json& status) {
  auto& out = ctx.out();
  out << "Store    " << ctx.store_path().string() << " (" << human_bytes(status["store_bytes"].get<std::uint64_t>())
      << ")\n";
  const auto& shop = status["shop"];
  if (!shop.is_null())
    out << "Shop     " << text(shop["name"]) << " (" << text(shop["domain"]) << "), " << text(shop["timezone"]) << ", "
        << text(shop["currency"]) << "\n";
  const auto& data = status["data"];
  if (data["last_order_at"].is_null()) {
    out << "Orders   none yet\n";
  } else {
    out << "Orders   " << data["first_order_at"].get<std::string>().substr(0, 10) << " to "
        << data["last_order_at"].get<std::string>().substr(0, 10) << " (the newest is "
        << data["newest_order_age_days"].get<std::int64_t>() << " days old)\n";
  }
  if (!data["last_ticket_at"].is_null())
    out << "Tickets  " << data["first_ticket_at"].get<std::string>().substr(0, 10) << " to "
        << data["last_ticket_at"].get<std::string>().substr(0, 10) << "\n";
  for (const auto& i : status["imports"])
    out << "Import   " << i["source"].get<std::string>() << ": last " << i["last_import"].get<std::string>() << " ("
        << i["imports"].get<std::int64_t>() << " imports, " << i["files"].get<std::int64_t>() << " files)\n";
  out << '\n';
}

void run_status(Context& ctx) {
  auto store = ctx.open_store();
  auto status = store::store_status(*store, ctx.now());
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
  write_summary(ctx, status);
  auto tables = output::Json::array();
  for (const auto& [name, count] : status["tables"].items()) tables.push_back({{"table", name}, {"rows", count}});
  ctx.write_listing(tables);
  ctx.out() << '\n';
  if (!status["sources"].empty()) return ctx.write_listing(status["sources"]);
  if (status["imports"].empty())
    ctx.out() << "No data yet: load files with 'shopkeep import', or run 'shopkeep sync'.\n";
  else
    ctx.out() << "No sync yet: the data comes from imports. Run 'shopkeep sync' to keep it fresh.\n";
}

}  // namespace

void setup_status(CLI::App& command, Registry& registry) {
  auto* cmd = &command;
  cmd->footer(
      "--json prints {\"tables\": {NAME: ROWS}, \"sources\": [{source, resource, last_success, cursor,\n"
      "last_attempt, last_error}], \"imports\": [...], \"shop\": {...}, \"data\": {first_order_at, last_order_at,\n"
      "newest_order_age_days, ...}, \"store_bytes\": N}.");
  registry.on_run(cmd, run_status);
}

}  // namespace shopkeep::cmd
