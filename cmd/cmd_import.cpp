// shopkeep import shopify|zendesk FILE...: load exported data into the store.
#include <fmt/format.h>

#include <memory>

#include "registry.hpp"
#include "shopify/import.hpp"

namespace shopkeep::cmd {

namespace {

std::string summary_line(const shopify::WriteCounts& counts) {
  std::string text = fmt::format("imported {} lines:", counts.lines);
  bool first = true;
  for (const auto& [table, n] : counts.written) {
    text += fmt::format("{} {} {}", first ? "" : ",", n, table);
    first = false;
  }
  if (first) text += " nothing written";
  if (counts.older_skipped) text += fmt::format("; {} older versions skipped", counts.older_skipped);
  for (const auto& [type, n] : counts.unknown_types) text += fmt::format("; {} {} skipped", n, type);
  if (counts.orphans) text += fmt::format("; {} orphaned children skipped", counts.orphans);
  if (counts.suppressed) text += fmt::format("; {} records of forgotten people skipped", counts.suppressed);
  return text;
}

output::Json summary_object(const shopify::WriteCounts& counts) {
  output::Json o;
  o["lines"] = counts.lines;
  o["written"] = output::Json::object();
  for (const auto& [table, n] : counts.written) o["written"][table] = n;
  o["older_skipped"] = counts.older_skipped;
  o["unknown_types"] = output::Json::object();
  for (const auto& [type, n] : counts.unknown_types) o["unknown_types"][type] = n;
  o["orphans"] = counts.orphans;
  o["suppressed"] = counts.suppressed;
  return o;
}

void run_import_shopify(Context& ctx, const std::vector<std::string>& files) {
  auto store = ctx.open_store();
  auto counts = shopify::import_files(*store, files, ctx.reporter(), format_rfc3339(ctx.now()));
  if (ctx.format() == output::Format::table) ctx.reporter().info(summary_line(counts));
  else ctx.write_object(summary_object(counts));
}

}  // namespace

void setup_import(CLI::App& root, Registry& registry) {
  auto* import = root.add_subcommand("import", "Load exported Shopify or Zendesk data into the store");

  auto shopify_files = std::make_shared<std::vector<std::string>>();
  auto* shopify = import->add_subcommand("shopify", "Load Shopify GraphQL bulk-operation JSONL files");
  shopify->add_option("FILE", *shopify_files, "JSONL files; - reads stdin")->required();
  shopify->footer(
      "All files are one transaction: a bad line names its file and line and nothing is written.\n"
      "Objects are upserted by id; an older updatedAt never overwrites a newer one.\n"
      "With --format table a summary goes to stderr; other formats print it to stdout.");
  registry.on_run(shopify, [shopify_files](Context& ctx) { run_import_shopify(ctx, *shopify_files); });
}

}  // namespace shopkeep::cmd
