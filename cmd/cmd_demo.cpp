// shopkeep demo [--out DIR]: the whole pipeline on the bundled sample shop.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "core/error.hpp"
#include "demo/generator.hpp"
#include "demo_steps.hpp"
#include "registry.hpp"
#include "shopify/import.hpp"
#include "store/store.hpp"
#include "zendesk/import.hpp"

namespace shopkeep::cmd {

namespace fs = std::filesystem;

namespace {

struct DemoCommandOptions {
  std::string out = "shopkeep-demo";
  bool force = false;
};

std::vector<std::string> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == extension) files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

void write_json(const fs::path& file, const output::Json& json) {
  std::ofstream out(file);
  out << json.dump(2) << '\n';
  if (!out) throw runtime_error("cannot write " + file.string());
}

std::unique_ptr<store::Db> fresh_store(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return store::open_store(path);
}

constexpr const char* kMarker = ".shopkeep-demo";  // says a folder is the demo's own, to rewrite freely

// The demo rewrites DIR: only an empty folder, one it made itself, or --force.
void claim_folder(const fs::path& dir, bool force) {
  std::error_code ec;
  bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir)) throw usage_error("--out " + dir.string() + " is a file, not a folder");
  bool ours = fs::exists(dir / kMarker), empty = !exists || fs::is_empty(dir, ec);
  if (!empty && !ours && !force)
    throw usage_error("--out " + dir.string() + " is not empty and was not made by the demo",
                      "choose another folder, or add --force to overwrite its files");
  fs::create_directories(dir, ec);
  if (ec) throw runtime_error("cannot create " + dir.string() + ": " + ec.message());
  std::ofstream(dir / kMarker) << "made by shopkeep demo; the demo may overwrite this folder\n";
}

void run_demo(Context& ctx, const DemoCommandOptions& o) {
  if (ctx.globals().db)
    throw usage_error("demo writes its own store, " + (fs::path(o.out) / "shopkeep.db").string() + "; --db is not used",
                      "drop --db, or choose where with --out");
  const fs::path dir = o.out;
  auto& say = ctx.reporter();
  Instant now = ctx.now_given() ? ctx.now() : demo::sample_now();
  claim_folder(dir, o.force);

  say.info("Generating the sample shop in " + (dir / "data").string() + " ...");
  auto shop = demo::generate_shop(dir / "data", demo::ShopSize{});
  auto db = fresh_store(dir / "shopkeep.db");
  std::string synced_at = format_rfc3339(now);
  auto shopify = shopify::import_files(*db, files_in(dir / "data" / "shopify", ".jsonl"), say, synced_at);
  auto zendesk = zendesk::import_files(*db, files_in(dir / "data" / "zendesk", ".json"), say, synced_at);
  say.info(
      fmt::format("Imported {} customers, {} orders with {} line items and {} tickets ({} Shopify lines, {} Zendesk "
                  "documents) into {}",
                  shop.customers, shop.orders, shop.line_items, shop.tickets, shopify.lines, zendesk.documents,
                  (dir / "shopkeep.db").string()));
  say.info("Running every analysis as of " + format_rfc3339(now) + ":");
  DemoRun run{ctx, *db, now, dir};
  output::Json summary = output::Json::object();
  for (const auto& step : demo_steps()) {
    auto result = step.run(run);
    write_json(dir / (std::string(step.name) + ".json"), result.json);
    summary[step.name] = result.summary;
    say.info(fmt::format("  {:<16} {}", step.name, result.summary));
  }
  if (ctx.format() != output::Format::table) ctx.write_object(summary);
  say.info(
      fmt::format("\nResults are in {0}/*.json. Try:\n"
                  "  shopkeep --db {0}/shopkeep.db status\n"
                  "  shopkeep --db {0}/shopkeep.db --now {1} carts --all\n"
                  "  shopkeep --db {0}/shopkeep.db --now {1} email plan winback --all\n"
                  "  shopkeep --db {0}/shopkeep.db sql 'SELECT title, count(*) AS sold FROM order_lines GROUP BY 1 "
                  "ORDER BY 2 DESC LIMIT 5'",
                  dir.string(), format_rfc3339(now)));
}

}  // namespace

void setup_demo(CLI::App& command, Registry& registry) {
  auto options = std::make_shared<DemoCommandOptions>();
  auto* cmd = &command;
  cmd->add_option("--out", options->out, "folder for the sample data, its store and every result")
      ->capture_default_str()
      ->type_name("DIR");
  cmd->add_flag("--force", options->force, "overwrite --out even when the demo did not make it");
  cmd->footer(
      "Generates the sample shop (Northwind Coffee: 2,000 customers, 8,000 orders over two years, 150\n"
      "products, 400 abandoned checkouts, 1,000 tickets) into DIR/data, imports it into a fresh store\n"
      "DIR/shopkeep.db (--db is refused), runs every analysis and writes each result to\n"
      "DIR/<step>.json, and renders every email campaign into DIR/email/<campaign>/ (.eml files and\n"
      "manifest.json). Its 'now' is the sample's own date (2026-09-30T12:00:00Z) unless --now is given,\n"
      "so the results never go stale. DIR must be empty, or made by an earlier demo (it holds a\n"
      ".shopkeep-demo marker), or --force is needed: the demo overwrites what is there.");
  registry.on_run(cmd, [options](Context& ctx) { run_demo(ctx, *options); });
}

}  // namespace shopkeep::cmd
