// shopkeep sync [SOURCE...] [--full] [--since TIME] [--resources LIST]: pull from the APIs.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "completes.hpp"
#include "core/error.hpp"
#include "core/file_lock.hpp"
#include "http/http_client.hpp"
#include "registry.hpp"
#include "shopify/client_credentials.hpp"
#include "shopify/sync.hpp"
#include "zendesk/sync.hpp"

namespace shopkeep::cmd {

namespace {

struct SyncFlags {
  std::vector<std::string> sources;
  bool full = false;
  std::optional<std::string> since;
  std::vector<std::string> resources;
};

// What one source did: its JSON rows, the summary's parts; `failed` when a resource failed.
struct SourceResult {
  bool failed = false;
  output::Json rows = output::Json::array();
  std::string parts;  // "400 orders, 12 customers (FAILED)"

  // Adds one resource's outcome (Shopify's or Zendesk's, which share these fields); returns its row.
  template <typename Outcome>
  output::Json& add(const char* source, const Outcome& o) {
    failed |= o.error.has_value();
    parts += fmt::format("{}{} {}{}", parts.empty() ? "" : ", ", o.records, o.resource, o.error ? " (FAILED)" : "");
    if (o.deleted) parts += fmt::format(" ({} marked deleted)", o.deleted);
    rows.push_back({{"source", source},
                    {"resource", o.resource},
                    {"records", o.records},
                    {"deleted", o.deleted},
                    {"error", o.error ? output::Json(*o.error) : output::Json()}});
    return rows.back();
  }
};

std::optional<std::string> setting(Context& ctx, const char* env, const char* key) {
  return resolve_setting(std::nullopt, env, ctx.config(), key);
}

std::chrono::seconds http_timeout() {
  if (auto t = env_var("SHOPKEEP_HTTP_TIMEOUT")) return std::chrono::seconds{std::max(1, std::atoi(t->c_str()))};
  return std::chrono::seconds{60};
}

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// The --resources names that belong to one source (all of them when none were given).
std::vector<std::string> resources_for(const SyncFlags& flags, const std::vector<std::string>& known) {
  std::vector<std::string> mine;
  for (const auto& r : flags.resources)
    if (contains(known, r)) mine.push_back(r);
  return mine;
}

bool shopify_configured(Context& ctx) { return setting(ctx, "SHOPIFY_SHOP", "shopify.shop").has_value(); }

bool zendesk_configured(Context& ctx) {
  return setting(ctx, "ZENDESK_URL", "zendesk.url") || setting(ctx, "ZENDESK_SUBDOMAIN", "zendesk.subdomain");
}

shopify::Connection shopify_connection(Context& ctx, http::HttpClient& http) {
  shopify::Connection c;
  c.base_url = http::base_url(*setting(ctx, "SHOPIFY_SHOP", "shopify.shop"), "SHOPIFY_SHOP");
  c.api_version = setting(ctx, "SHOPIFY_API_VERSION", "shopify.api_version").value_or("2026-10");
  c.timeout = http_timeout();
  auto token = setting(ctx, "SHOPIFY_ACCESS_TOKEN", "shopify.access_token");
  auto id = setting(ctx, "SHOPIFY_CLIENT_ID", "shopify.client_id");
  auto secret = setting(ctx, "SHOPIFY_CLIENT_SECRET", "shopify.client_secret");
  if (token) {
    c.access_token = *token;
  } else if (id && secret) {
    std::string base = c.base_url;
    c.renew_token = [&http, base, id = *id, secret = *secret] {
      return shopify::fetch_access_token(http, base, id, secret);
    };
    c.access_token = c.renew_token();
  } else {
    throw usage_error(
        "Shopify credentials are missing",
        "set SHOPIFY_ACCESS_TOKEN, or SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET (or the shopify.* config keys)");
  }
  return c;
}

std::string zendesk_base_url(Context& ctx) {
  if (auto url = setting(ctx, "ZENDESK_URL", "zendesk.url")) {
    if (url->find("://") == std::string::npos)
      throw usage_error("ZENDESK_URL: '" + *url + "' is not a URL", "e.g. https://acme.zendesk.com");
    return http::base_url(*url, "ZENDESK_URL");
  }
  std::string sub = *setting(ctx, "ZENDESK_SUBDOMAIN", "zendesk.subdomain");
  bool valid =
      !sub.empty() && std::all_of(sub.begin(), sub.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; });
  if (!valid)
    throw usage_error("ZENDESK_SUBDOMAIN: '" + sub + "' is not a subdomain",
                      "'acme' for https://acme.zendesk.com, or set ZENDESK_URL");
  return "https://" + sub + ".zendesk.com";
}

zendesk::Connection zendesk_connection(Context& ctx) {
  zendesk::Connection c;
  c.base_url = zendesk_base_url(ctx);
  c.timeout = http_timeout();
  auto oauth = setting(ctx, "ZENDESK_OAUTH_TOKEN", "zendesk.oauth_token");
  auto email = setting(ctx, "ZENDESK_EMAIL", "zendesk.email");
  auto token = setting(ctx, "ZENDESK_API_TOKEN", "zendesk.api_token");
  if (oauth)
    c.authorization = zendesk::oauth_authorization(*oauth);
  else if (email && token)
    c.authorization = zendesk::api_token_authorization(*email, *token);
  else
    throw usage_error("Zendesk credentials are missing",
                      "set ZENDESK_EMAIL and ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN (or the zendesk.* config keys)");
  if (auto limit = setting(ctx, "ZENDESK_EXPORT_REQUESTS_PER_MINUTE", "zendesk.export_requests_per_minute")) {
    int n = std::atoi(limit->c_str());
    if (n < 1) throw usage_error("zendesk.export_requests_per_minute: '" + *limit + "' is not a positive number");
    c.export_requests_per_minute = n;
  }
  // Tests shorten Zendesk's minute together with their fake server's; never set in production.
  if (auto ms = env_var("SHOPKEEP_ZENDESK_MINUTE_MS"))
    c.minute = std::chrono::milliseconds{std::max(1, std::atoi(ms->c_str()))};
  return c;
}

std::optional<Instant> since_flag(const SyncFlags& flags) {
  if (!flags.since) return std::nullopt;
  return parse_time_arg(*flags.since, Zone("UTC"), "--since");
}

SourceResult run_shopify(Context& ctx, store::Db& db, const SyncFlags& flags) {
  auto http = http::make_curl_client();
  http::RealSleeper sleeper;
  shopify::GraphqlClient client(*http, sleeper, ctx.reporter(), shopify_connection(ctx, *http));
  shopify::SyncOptions options;
  options.full = flags.full;
  options.now = ctx.now();
  options.since = since_flag(flags);
  options.resources = resources_for(flags, shopify::shopify_resource_names());
  if (auto v = env_var("SHOPKEEP_SHOPIFY_BULK"); v && *v == "0") options.bulk = false;
  auto started = std::chrono::steady_clock::now();
  auto outcomes = shopify::sync_shopify(db, client, *http, sleeper, ctx.reporter(), options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  SourceResult result;
  for (const auto& o : outcomes) {
    output::Json& row = result.add("shopify", o);
    row["bulk"] = o.bulk;
    if (o.bulk) {
      row["bulk_wait_seconds"] = o.bulk_wait_seconds;
      row["bulk_download_seconds"] = o.bulk_download_seconds;
      row["bulk_import_seconds"] = o.bulk_import_seconds;
      ctx.reporter().debug(fmt::format("{}: bulk job {:.1f} s waiting, {:.1f} s download, {:.1f} s import", o.resource,
                                       o.bulk_wait_seconds, o.bulk_download_seconds, o.bulk_import_seconds));
    }
  }
  const auto& stats = client.stats();
  if (ctx.format() == output::Format::table)
    ctx.reporter().info(fmt::format("synced shopify in {:.1f} s: {} (API {}, {} requests, {} retries, {} throttled)",
                                    seconds, result.parts, stats.served_version.empty() ? "?" : stats.served_version,
                                    stats.requests, stats.retries, stats.throttled));
  return result;
}

SourceResult run_zendesk(Context& ctx, store::Db& db, const SyncFlags& flags) {
  auto http = http::make_curl_client();
  http::RealSleeper sleeper;
  zendesk::ApiClient client(*http, sleeper, ctx.reporter(), zendesk_connection(ctx));
  zendesk::SyncOptions options;
  options.full = flags.full;
  options.now = ctx.now();
  options.since = since_flag(flags);
  options.resources = resources_for(flags, zendesk::zendesk_resource_names());
  if (auto size = env_var("SHOPKEEP_ZENDESK_PAGE_SIZE"))
    options.page_size = std::clamp(std::atoi(size->c_str()), 1, 1000);
  auto started = std::chrono::steady_clock::now();
  auto outcomes = zendesk::sync_zendesk(db, client, ctx.reporter(), options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  SourceResult result;
  for (const auto& o : outcomes) result.add("zendesk", o);
  const auto& stats = client.stats();
  if (ctx.format() == output::Format::table)
    ctx.reporter().info(fmt::format(
        "synced zendesk in {:.1f} s: {} ({} requests, {} retries, {} rate-limited, {:.1f} s waiting for rate limits)",
        seconds, result.parts, stats.requests, stats.retries, stats.rate_limited, stats.waited_seconds));
  return result;
}

struct Source {
  const char* name;
  bool (*configured)(Context&);
  SourceResult (*run)(Context&, store::Db&, const SyncFlags&);
  std::vector<std::string> (*resources)();
  const char* how_to_configure;
};

const std::vector<Source>& all_sources() {
  static const std::vector<Source> sources = {
      {"shopify", shopify_configured, run_shopify, shopify::shopify_resource_names,
       "set SHOPIFY_SHOP (and a token) or shopify.shop"},
      {"zendesk", zendesk_configured, run_zendesk, zendesk::zendesk_resource_names,
       "set ZENDESK_SUBDOMAIN or ZENDESK_URL (and credentials), or zendesk.subdomain"},
  };
  return sources;
}

std::vector<std::string> source_names() {
  std::vector<std::string> names;
  for (const auto& s : all_sources()) names.push_back(s.name);
  return names;
}

std::vector<std::string> resource_names() {
  std::vector<std::string> names;
  for (const auto& s : all_sources())
    for (auto& r : s.resources()) names.push_back(std::move(r));
  return names;
}

// The sources to run: the named ones (each must be configured), else every configured one; only
// those that own one of --resources when it is given.
std::vector<const Source*> chosen_sources(Context& ctx, const SyncFlags& flags) {
  std::vector<const Source*> chosen;
  for (const auto& name : flags.sources) {
    auto it = std::find_if(all_sources().begin(), all_sources().end(), [&](const Source& s) { return name == s.name; });
    if (it == all_sources().end()) throw usage_error("unknown source '" + name + "'", "sources: shopify, zendesk");
    if (!it->configured(ctx)) throw usage_error(name + " is not configured", it->how_to_configure);
    if (std::find(chosen.begin(), chosen.end(), &*it) == chosen.end()) chosen.push_back(&*it);
  }
  if (flags.sources.empty()) {
    for (const auto& s : all_sources())
      if (s.configured(ctx)) chosen.push_back(&s);
    if (chosen.empty())
      throw usage_error(
          "no source is configured",
          "set SHOPIFY_SHOP or ZENDESK_SUBDOMAIN (with credentials), or run 'shopkeep init' and edit the config");
  }
  std::vector<std::string> all_names;
  for (const auto* s : chosen) {
    auto names = s->resources();
    all_names.insert(all_names.end(), names.begin(), names.end());
  }
  for (const auto& r : flags.resources)
    if (!contains(all_names, r))
      throw usage_error("--resources: unknown resource '" + r + "'",
                        "choose from " + fmt::format("{}", fmt::join(all_names, ", ")));
  if (!flags.resources.empty())
    std::erase_if(chosen, [&](const Source* s) { return resources_for(flags, s->resources()).empty(); });
  return chosen;
}

void run_sync(Context& ctx, const SyncFlags& flags) {
  auto sources = chosen_sources(ctx, flags);
  since_flag(flags);  // a bad --since is a usage error before anything runs
  auto db = ctx.open_store();
  FileLock lock(ctx.store_path().string() + ".sync.lock", std::chrono::seconds{10});
  output::Json rows = output::Json::array();
  std::vector<std::string> failed;
  for (const auto* source : sources) {
    try {
      auto result = source->run(ctx, *db, flags);
      if (result.failed) failed.push_back(source->name);
      for (auto& row : result.rows) rows.push_back(std::move(row));
    } catch (const Error& e) {
      // With one source its error is the command's; with several, the others still run.
      if (sources.size() == 1 || e.code() == ExitCode::usage) throw;
      ctx.reporter().warn(std::string(source->name) + ": " + e.what());
      failed.push_back(source->name);
      rows.push_back(
          {{"source", source->name}, {"resource", nullptr}, {"records", 0}, {"deleted", 0}, {"error", e.what()}});
    }
  }
  if (ctx.format() != output::Format::table) ctx.write_listing(rows);
  if (!failed.empty())
    throw Error(ExitCode::partial,
                fmt::format("{} failed in part or whole; everything else was committed", fmt::join(failed, " and ")),
                "run 'shopkeep status' and sync again");
}

}  // namespace

void setup_sync(CLI::App& root, Registry& registry) {
  auto flags = std::make_shared<SyncFlags>();
  auto* cmd = root.add_subcommand("sync", "Pull from the Shopify and Zendesk APIs into the store (incremental)");
  cmd->add_option("SOURCE", flags->sources, "shopify, zendesk (default: every configured source)")
      ->check(completes(source_names()));
  cmd->add_flag("--full", flags->full, "re-read everything and mark what is gone as deleted");
  cmd->add_option("--since", flags->since, "read changes since this time instead of the stored cursors");
  cmd->add_option("--resources", flags->resources,
                  "comma-separated: shop, customers, products, orders, checkouts (Shopify); users, tickets, "
                  "satisfaction_ratings (Zendesk; tickets bring their metrics and comments)")
      ->delimiter(',')
      ->check(completes(resource_names()));
  cmd->footer(
      "Incremental: each resource is read from its stored cursor, page by page, each page committed\n"
      "with the cursor after it, so an interrupted sync resumes safely; two syncs of one store never run\n"
      "at once. Shopify: by updated_at (first syncs and --full through bulk operations), waiting for the\n"
      "cost bucket; credentials SHOPIFY_SHOP and SHOPIFY_ACCESS_TOKEN (or SHOPIFY_CLIENT_ID +\n"
      "SHOPIFY_CLIENT_SECRET). Zendesk: cursor exports of users and tickets (with metric sets), the\n"
      "comments of every changed ticket, satisfaction ratings; at most 10 export requests a minute\n"
      "(zendesk.export_requests_per_minute) and within the account's limit from the rate headers;\n"
      "credentials ZENDESK_SUBDOMAIN (or ZENDESK_URL) and ZENDESK_EMAIL + ZENDESK_API_TOKEN, or\n"
      "ZENDESK_OAUTH_TOKEN. Retries 429 (after Retry-After), 5xx and dropped connections with backoff.\n"
      "Exit 3 when the only source refuses the credentials, 4 when a source or resource failed while\n"
      "the others were committed. Docs: docs/sync-shopify.md, docs/sync-zendesk.md.");
  registry.on_run(cmd, [flags](Context& ctx) { run_sync(ctx, *flags); });
}

}  // namespace shopkeep::cmd
