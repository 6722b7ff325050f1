// shopkeep sync [SOURCE...] [--full] [--since TIME] [--resources LIST]: pull from the APIs.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "completes.hpp"
#include "core/error.hpp"
#include "core/file_lock.hpp"
#include "http/http_client.hpp"
#include "registry.hpp"
#include "sync/source.hpp"

namespace shopkeep::cmd {

namespace {

struct SyncCommandOptions {
  std::vector<std::string> sources;
  bool full = false;
  std::optional<std::string> since;
  std::vector<std::string> resources;
  std::optional<std::string> cacert;
};

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// The --resources names that belong to one source.
std::vector<std::string> resources_of(const SyncCommandOptions& flags, const sync::SourceDef& source) {
  std::vector<std::string> mine;
  for (const auto& r : flags.resources)
    if (contains(source.resources(), r)) mine.push_back(r);
  return mine;
}

// Shell completion offers these (completes.hpp).
std::vector<std::string> source_names() {
  std::vector<std::string> names;
  for (const auto& s : sync::sources()) names.emplace_back(s.name);
  return names;
}

std::vector<std::string> resource_names() {
  std::vector<std::string> names;
  for (const auto& s : sync::sources())
    for (const auto& r : s.resources()) names.push_back(r);
  return names;
}

// The sources to run: the named ones (each must be configured), else every configured one; only
// those that own one of --resources when it is given.
std::vector<const sync::SourceDef*> chosen_sources(Context& ctx, const SyncCommandOptions& flags) {
  std::vector<const sync::SourceDef*> chosen;
  for (const auto& name : flags.sources) {
    const auto* source = sync::find_source(name);
    if (source == nullptr) throw usage_error("unknown source '" + name + "'", "sources: shopify, zendesk");
    if (!source->configured(ctx.config()))
      throw usage_error(name + " is not configured", std::string(source->how_to_configure));
    if (!std::count(chosen.begin(), chosen.end(), source)) chosen.push_back(source);
  }
  if (flags.sources.empty()) {
    for (const auto& s : sync::sources())
      if (s.configured(ctx.config())) chosen.push_back(&s);
    if (chosen.empty())
      throw usage_error("no source is configured",
                        "set SHOPIFY_SHOP or ZENDESK_SUBDOMAIN (with credentials), or run 'shopkeep init' and edit the "
                        "config");
  }
  std::vector<std::string> all_names;
  for (const auto* s : chosen)
    for (const auto& name : s->resources()) all_names.push_back(name);
  for (const auto& r : flags.resources)
    if (!contains(all_names, r))
      throw usage_error("--resources: unknown resource '" + r + "'",
                        fmt::format("choose from {}", fmt::join(all_names, ", ")));
  if (!flags.resources.empty())
    std::erase_if(chosen, [&](const sync::SourceDef* s) { return resources_of(flags, *s).empty(); });
  return chosen;
}

output::Json outcome_row(std::string_view source, const sync::ResourceOutcome& o) {
  output::Json row = {{"source", source},
                      {"resource", o.resource},
                      {"records", o.records},
                      {"deleted", o.deleted},
                      {"error", o.error ? output::Json(*o.error) : output::Json()},
                      {"bulk", o.bulk}};
  for (const auto& [phase, seconds] : o.seconds) row[phase + "_seconds"] = seconds;
  return row;
}

// "400 orders, 12 customers (FAILED)"
std::string outcome_summary(const std::vector<sync::ResourceOutcome>& outcomes) {
  std::string parts;
  for (const auto& o : outcomes) {
    parts += fmt::format("{}{} {}{}", parts.empty() ? "" : ", ", o.records, o.resource, o.error ? " (FAILED)" : "");
    if (o.deleted) parts += fmt::format(" ({} marked deleted)", o.deleted);
  }
  return parts;
}

// Connects and runs one source; its rows join `rows`; true when a resource failed.
bool run_source(Context& ctx, store::Db& db, const sync::SourceDef& def, const SyncCommandOptions& flags,
                const http::ClientOptions& http, const sync::Tuning& tuning, output::Json& rows) {
  sync::SyncOptions options;
  options.full = flags.full;
  options.now = ctx.now();
  options.since = flags.since ? std::optional(parse_time_arg(*flags.since, Zone("UTC"), "--since")) : std::nullopt;
  options.resources = resources_of(flags, def);
  auto started = std::chrono::steady_clock::now();
  auto source = def.connect(ctx.config(), http, tuning, ctx.reporter());
  auto outcomes = source->run(db, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  bool failed = false;
  for (const auto& o : outcomes) {
    failed |= o.error.has_value();
    rows.push_back(outcome_row(def.name, o));
    for (const auto& [phase, s] : o.seconds) ctx.reporter().debug(fmt::format("{}: {} {:.1f} s", o.resource, phase, s));
  }
  if (ctx.format() == output::Format::table)
    ctx.reporter().info(
        fmt::format("synced {} in {:.1f} s: {} ({})", def.name, seconds, outcome_summary(outcomes), source->stats()));
  return failed;
}

// The exit status once every source ran: 0 when nothing failed; 3 when every source refused the
// credentials; 1 when nothing at all was committed (every resource of every source failed); 4 when
// something failed while the rest was committed.
void finish(const std::vector<std::string>& failed, size_t sources, size_t refused, bool committed) {
  if (failed.empty()) return;
  std::string names = fmt::format("{}", fmt::join(failed, " and "));
  if (refused == sources)
    throw Error(ExitCode::auth, fmt::format("{} refused the credentials", names),
                "check each source's token (shopkeep sync SOURCE -v says more)");
  if (!committed)
    throw runtime_error(fmt::format("{} failed; nothing was committed", names), "run 'shopkeep status' and sync again");
  throw Error(ExitCode::partial, fmt::format("{} failed in part or whole; everything else was committed", names),
              "run 'shopkeep status' and sync again");
}

void run_sync(Context& ctx, const SyncCommandOptions& flags) {
  auto sources = chosen_sources(ctx, flags);
  if (flags.since) parse_time_arg(*flags.since, Zone("UTC"), "--since");  // a bad --since fails before anything runs
  auto tuning = sync::Tuning::from_environment();
  auto http = http::client_options_from_settings(ctx.config(), flags.cacert);  // a bad --cacert fails first
  auto db = ctx.create_store();
  FileLock lock(ctx.store_path().string() + ".sync.lock", std::chrono::seconds{10});
  output::Json rows = output::Json::array();
  std::vector<std::string> failed;
  size_t refused = 0;
  std::uint64_t commits_before = db->commits();
  for (const auto* source : sources) {
    try {
      if (run_source(ctx, *db, *source, flags, http, tuning, rows)) failed.emplace_back(source->name);
    } catch (const Error& e) {
      // With one source its error is the command's; with several, the others still run.
      if (sources.size() == 1 || e.code() == ExitCode::usage) throw;
      std::string message = e.what() + (e.hint().empty() ? std::string() : ": " + e.hint());
      ctx.reporter().warn(std::string(source->name) + ": " + message);
      failed.emplace_back(source->name);
      if (e.code() == ExitCode::auth) ++refused;
      rows.push_back(
          {{"source", source->name}, {"resource", nullptr}, {"records", 0}, {"deleted", 0}, {"error", message}});
    }
  }
  if (ctx.format() != output::Format::table) ctx.write_listing(rows);
  finish(failed, sources.size(), refused, db->commits() > commits_before);
}

}  // namespace

void setup_sync(CLI::App& command, Registry& registry) {
  auto flags = std::make_shared<SyncCommandOptions>();
  auto* cmd = &command;
  cmd->add_option("SOURCE", flags->sources, "shopify, zendesk (default: every configured source)")
      ->check(completes(source_names()));
  cmd->add_flag("--full", flags->full, "re-read everything and mark what is gone as deleted");
  cmd->add_option("--since", flags->since, "read changes since this time instead of the stored cursors");
  cmd->add_option("--resources", flags->resources,
                  "comma-separated: shop, customers, products, orders, checkouts (Shopify); users, organizations, "
                  "groups, tickets, satisfaction_ratings (Zendesk; tickets bring their metrics and comments)")
      ->delimiter(',')
      ->check(completes(resource_names()));
  cmd->add_option("--cacert", flags->cacert, "PEM file of CA certificates to trust instead of the system's "
                                             "(env SHOPKEEP_CA_BUNDLE, http.ca_bundle)")
      ->type_name("FILE");
  cmd->footer(
      "Incremental: each resource is read from its stored cursor, page by page, each page committed\n"
      "with the cursor after it, so an interrupted sync resumes safely; two syncs of one store never run\n"
      "at once. Shopify: by updated_at (first syncs and --full through bulk operations), pages within the\n"
      "1,000-point query limit, waiting for the cost bucket; SHOPIFY_SHOP and SHOPIFY_CLIENT_ID +\n"
      "SHOPIFY_CLIENT_SECRET (or SHOPIFY_ACCESS_TOKEN); scopes read_customers, read_products,\n"
      "read_inventory, read_orders, read_all_orders. Zendesk: users, organizations, groups and tickets\n"
      "(with metrics) from the incremental exports, comments from the ticket events export, satisfaction\n"
      "ratings or CSAT survey responses; at most 10 export requests a minute\n"
      "(zendesk.export_requests_per_minute) and within the account's limit from the rate headers;\n"
      "ZENDESK_SUBDOMAIN (or ZENDESK_URL) and an admin's ZENDESK_EMAIL + ZENDESK_API_TOKEN, or\n"
      "ZENDESK_OAUTH_TOKEN. Retries 429 and 503 (after Retry-After), 5xx and dropped connections.\n"
      "Exit 3 when every source refuses the credentials, 1 when nothing could be committed (a host\n"
      "that refuses connections or does not resolve stops its source at once), 4 when a source or\n"
      "resource failed while the others were committed. TLS is always verified; --cacert (or\n"
      "SHOPKEEP_CA_BUNDLE, http.ca_bundle) names a CA file to trust. Docs: docs/sync-shopify.md, docs/sync-zendesk.md.");
  registry.on_run(cmd, [flags](Context& ctx) { run_sync(ctx, *flags); });
}

}  // namespace shopkeep::cmd
