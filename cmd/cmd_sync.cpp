// shopkeep sync [SOURCE...] [--full] [--since TIME] [--resources LIST]: pull from the APIs.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "core/error.hpp"
#include "core/file_lock.hpp"
#include "http/http_client.hpp"
#include "registry.hpp"
#include "shopify/client_credentials.hpp"
#include "shopify/sync.hpp"

namespace shopkeep::cmd {

namespace {

struct SyncFlags {
  std::vector<std::string> sources;
  bool full = false;
  std::optional<std::string> since;
  std::vector<std::string> resources;
};

std::optional<std::string> setting(Context& ctx, const char* env, const char* key) {
  return resolve_setting(std::nullopt, env, ctx.config(), key);
}

bool shopify_configured(Context& ctx) { return setting(ctx, "SHOPIFY_SHOP", "shopify.shop").has_value(); }

shopify::Connection shopify_connection(Context& ctx, http::HttpClient& http) {
  shopify::Connection c;
  c.base_url = http::base_url(*setting(ctx, "SHOPIFY_SHOP", "shopify.shop"), "SHOPIFY_SHOP");
  c.api_version = setting(ctx, "SHOPIFY_API_VERSION", "shopify.api_version").value_or("2026-10");
  if (auto t = env_var("SHOPKEEP_HTTP_TIMEOUT")) c.timeout = std::chrono::seconds{std::max(1, std::atoi(t->c_str()))};
  auto token = setting(ctx, "SHOPIFY_ACCESS_TOKEN", "shopify.access_token");
  auto id = setting(ctx, "SHOPIFY_CLIENT_ID", "shopify.client_id");
  auto secret = setting(ctx, "SHOPIFY_CLIENT_SECRET", "shopify.client_secret");
  if (token) {
    c.access_token = *token;
  } else if (id && secret) {
    std::string base = c.base_url;
    c.renew_token = [&http, base, id = *id, secret = *secret] { return shopify::fetch_access_token(http, base, id, secret); };
    c.access_token = c.renew_token();
  } else {
    throw usage_error("Shopify credentials are missing",
                      "set SHOPIFY_ACCESS_TOKEN, or SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET (or the shopify.* config keys)");
  }
  return c;
}

bool run_shopify(Context& ctx, store::Db& db, const SyncFlags& flags) {
  auto http = http::make_curl_client();
  http::RealSleeper sleeper;
  shopify::GraphqlClient client(*http, sleeper, ctx.reporter(), shopify_connection(ctx, *http));
  shopify::SyncOptions options;
  options.full = flags.full;
  options.now = ctx.now();
  if (flags.since) options.since = parse_time_arg(*flags.since, Zone("UTC"), "--since");
  for (const auto& r : flags.resources) {
    auto names = shopify::shopify_resource_names();
    if (std::find(names.begin(), names.end(), r) == names.end())
      throw usage_error("--resources: unknown resource '" + r + "'", "choose from shop, customers, products, orders, checkouts");
    options.resources.push_back(r);
  }
  auto started = std::chrono::steady_clock::now();
  if (auto v = env_var("SHOPKEEP_SHOPIFY_BULK"); v && *v == "0") options.bulk = false;
  auto outcomes = shopify::sync_shopify(db, client, *http, sleeper, ctx.reporter(), options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string parts;
  bool failed = false;
  output::Json json = output::Json::array();
  for (const auto& o : outcomes) {
    failed |= o.error.has_value();
    parts += fmt::format("{}{} {}{}", parts.empty() ? "" : ", ", o.records, o.resource, o.error ? " (FAILED)" : "");
    if (o.deleted) parts += fmt::format(" ({} marked deleted)", o.deleted);
    output::Json row = {{"source", "shopify"}, {"resource", o.resource}, {"records", o.records}, {"deleted", o.deleted},
                        {"error", o.error ? output::Json(*o.error) : output::Json()}, {"bulk", o.bulk}};
    if (o.bulk) {
      row["bulk_wait_seconds"] = o.bulk_wait_seconds;
      row["bulk_download_seconds"] = o.bulk_download_seconds;
      row["bulk_import_seconds"] = o.bulk_import_seconds;
      ctx.reporter().debug(fmt::format("{}: bulk job {:.1f} s waiting, {:.1f} s download, {:.1f} s import", o.resource,
                                       o.bulk_wait_seconds, o.bulk_download_seconds, o.bulk_import_seconds));
    }
    json.push_back(row);
  }
  const auto& stats = client.stats();
  if (ctx.format() == output::Format::table)
    ctx.reporter().info(fmt::format("synced shopify in {:.1f} s: {} (API {}, {} requests, {} retries, {} throttled)", seconds, parts,
                                    stats.served_version.empty() ? "?" : stats.served_version, stats.requests, stats.retries,
                                    stats.throttled));
  else
    ctx.write_listing(json);
  return !failed;
}

void run_sync(Context& ctx, const SyncFlags& flags) {
  std::vector<std::string> sources = flags.sources;
  for (const auto& s : sources) {
    if (s == "zendesk")
      throw usage_error("sync zendesk is not supported by this version of shopkeep",
                        "load Zendesk API exports with 'shopkeep import zendesk'");
    if (s != "shopify") throw usage_error("unknown source '" + s + "'", "sources: shopify, zendesk");
  }
  if (sources.empty()) {
    if (!shopify_configured(ctx))
      throw usage_error("no source is configured", "set SHOPIFY_SHOP (and a token), or shopify.shop in the config");
    sources.push_back("shopify");
  }
  if (!shopify_configured(ctx)) throw usage_error("shopify is not configured", "set SHOPIFY_SHOP or shopify.shop");
  auto db = ctx.open_store();
  FileLock lock(ctx.store_path().string() + ".sync.lock", std::chrono::seconds{10});
  if (!run_shopify(ctx, *db, flags))
    throw Error(ExitCode::partial, "some resources failed; the others were committed", "run 'shopkeep status' and sync again");
}

}  // namespace

void setup_sync(CLI::App& root, Registry& registry) {
  auto flags = std::make_shared<SyncFlags>();
  auto* cmd = root.add_subcommand("sync", "Pull from the Shopify Admin API into the store (incremental)");
  cmd->add_option("SOURCE", flags->sources, "shopify (default: every configured source)");
  cmd->add_flag("--full", flags->full, "re-read everything and mark what is gone as deleted");
  cmd->add_option("--since", flags->since, "read changes since this time instead of the stored cursor");
  cmd->add_option("--resources", flags->resources, "shop, customers, products, orders, checkouts (comma-separated)")->delimiter(',');
  cmd->footer(
      "Incremental: each resource is read by updated_at from its stored cursor (minus 5 minutes), page by\n"
      "page, each page committed with the cursor after it, so an interrupted sync resumes safely. Waits\n"
      "for Shopify's cost bucket instead of being throttled; retries THROTTLED, 429, 5xx and dropped\n"
      "connections with backoff. Exit 3 when Shopify refuses the credentials, 4 when a resource failed\n"
      "while the others were committed. Credentials: SHOPIFY_SHOP and SHOPIFY_ACCESS_TOKEN (or\n"
      "SHOPIFY_CLIENT_ID + SHOPIFY_CLIENT_SECRET). Docs: docs/sync-shopify.md.");
  registry.on_run(cmd, [flags](Context& ctx) { run_sync(ctx, *flags); });
}

}  // namespace shopkeep::cmd
