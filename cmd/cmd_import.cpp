// shopkeep import shopify|zendesk FILE...: load exported data into the store.
#include <fmt/format.h>

#include <map>
#include <memory>
#include <string_view>

#include "interrupt_guard.hpp"
#include "registry.hpp"
#include "shopify/import.hpp"
#include "store/inventory_snapshots.hpp"
#include "store/shop_settings.hpp"
#include "zendesk/import.hpp"

namespace shopkeep::cmd {

namespace {

// Per table what changed: {"orders": {"inserted", "updated", "unchanged", "older_skipped"}, ...}.
output::Json tables_object(const std::map<std::string, store::OutcomeCounts>& tables) {
  output::Json o = output::Json::object();
  for (const auto& [table, c] : tables)
    o[table] = {{"inserted", c.inserted},
                {"updated", c.updated},
                {"unchanged", c.unchanged},
                {"older_skipped", c.older_skipped}};
  return o;
}

output::Json summary_object(const shopify::WriteCounts& counts) {
  output::Json o;
  o["lines"] = counts.lines;
  o["tables"] = tables_object(counts.tables);
  o["written"] = output::Json(counts.written);
  o["older_skipped"] = counts.older_skipped;
  o["unknown_types"] = output::Json(counts.unknown_types);
  o["orphans"] = counts.orphans;
  o["suppressed"] = counts.suppressed;
  return o;
}

output::Json summary_object(const zendesk::WriteCounts& counts) {
  output::Json o;
  o["documents"] = counts.documents;
  o["tables"] = tables_object(counts.tables);
  o["written"] = output::Json(counts.written);
  o["older_skipped"] = counts.older_skipped;
  o["suppressed"] = counts.suppressed;
  return o;
}

// "imported 13 lines: customers 2 inserted; orders 1 inserted, 1 updated; order_lines 3 unchanged; ..."
// from either summary: what changed, not what was read.
std::string summary_line(const output::Json& o, const char* unit) {
  std::string text = fmt::format("imported {} {}:", o[unit].get<std::uint64_t>(), unit);
  bool first = true, changed = false;
  for (const auto& [table, c] : o["tables"].items()) {
    std::string parts;
    for (const char* key : {"inserted", "updated", "unchanged", "older_skipped"}) {
      auto n = c[key].get<std::uint64_t>();
      if (n == 0) continue;
      if (std::string_view(key) == "inserted" || std::string_view(key) == "updated") changed = true;
      parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n,
                           std::string_view(key) == "older_skipped" ? "older skipped" : key);
    }
    text += fmt::format("{} {} {}", first ? "" : ";", table, parts);
    first = false;
  }
  if (first)
    text += " nothing written";
  else if (!changed)
    text += " (nothing changed)";
  if (o.contains("unknown_types"))
    for (const auto& [type, n] : o["unknown_types"].items())
      text += fmt::format("; {} {} skipped", n.get<std::uint64_t>(), type);
  auto count = [&](const char* key) { return o.contains(key) ? o[key].get<std::uint64_t>() : 0; };
  if (count("orphans")) text += fmt::format("; {} orphaned children skipped", count("orphans"));
  if (count("suppressed")) text += fmt::format("; {} records of forgotten people skipped", count("suppressed"));
  return text;
}

// People get one line on stderr; scripts get the object on stdout.
void report(Context& ctx, const output::Json& summary, const char* unit) {
  if (ctx.format() == output::Format::table)
    ctx.reporter().info(summary_line(summary, unit));
  else
    ctx.write_object(summary);
}

void run_import_shopify(Context& ctx, const std::vector<std::string>& files) {
  auto store = ctx.create_store();
  InterruptGuard interrupts;  // Ctrl-C rolls the import back and says so
  std::string synced_at = format_rfc3339(ctx.now());
  auto counts = shopify::import_files(*store, files, ctx.reporter(), synced_at);
  // Restock tells stockouts from quiet days by the stock seen at each import (docs/restock.md).
  store::snapshot_inventory(*store, synced_at, store::load_shop_settings(*store, ctx.config()).zone);
  report(ctx, summary_object(counts), "lines");
}

void run_import_zendesk(Context& ctx, const std::vector<std::string>& files) {
  auto store = ctx.create_store();
  InterruptGuard interrupts;
  report(ctx, summary_object(zendesk::import_files(*store, files, ctx.reporter(), format_rfc3339(ctx.now()))),
         "documents");
}

}  // namespace

void setup_import(CLI::App& command, Registry& registry) {
  auto* import = &command;

  auto shopify_files = std::make_shared<std::vector<std::string>>();
  auto* shopify = import->add_subcommand("shopify", "Load Shopify GraphQL bulk-operation JSONL files");
  shopify->add_option("FILE", *shopify_files, "JSONL files; - reads stdin")->required();
  shopify->footer(
      "All files are one transaction: a bad line names its file and line and nothing is written.\n"
      "Objects are upserted by id; an older updatedAt never overwrites a newer one.\n"
      "The summary says per table how many rows were inserted, updated (a different version), unchanged\n"
      "(the same record again) and older_skipped (a newer one is stored). With --format table it goes to\n"
      "stderr; other formats print it to stdout ({lines, tables: {TABLE: {inserted, updated, unchanged,\n"
      "older_skipped}}, written, older_skipped, unknown_types, orphans, suppressed}).\n"
      "On a terminal, progress shows the file, MB read, MB/s and the time left. Ctrl-C (or SIGTERM) stops\n"
      "the import with exit 130 and writes nothing.");
  registry.on_run(shopify, [shopify_files](Context& ctx) { run_import_shopify(ctx, *shopify_files); });

  auto zendesk_files = std::make_shared<std::vector<std::string>>();
  auto* zendesk = import->add_subcommand("zendesk", "Load Zendesk API response bodies (JSON files)");
  zendesk->add_option("FILE", *zendesk_files, "one response body per file; - reads stdin")->required();
  zendesk->footer(
      "Each body is recognised by its top-level key: tickets (incremental export, with the metric_sets\n"
      "sideload), ticket_metrics, users, ticket_events (Comment child events become comments) and\n"
      "satisfaction_ratings. All files are one transaction; an older updated_at never overwrites a newer\n"
      "one; a ticket with status \"deleted\" is marked deleted. Mapping: docs/schema.md.\n"
      "The summary says per table how many rows were inserted, updated, unchanged and older_skipped, as\n"
      "for import shopify. Ctrl-C (or SIGTERM) stops the import with exit 130 and writes nothing.");
  registry.on_run(zendesk, [zendesk_files](Context& ctx) { run_import_zendesk(ctx, *zendesk_files); });
}

}  // namespace shopkeep::cmd
