#include "shopify/source.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "shopify/client_credentials.hpp"
#include "shopify/sync.hpp"
#include "store/inventory_snapshots.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::shopify {

namespace {

std::optional<std::string> setting(const Config& config, const char* env, const char* key) {
  return resolve_setting(std::nullopt, env, config, key);
}

class ShopifySource : public sync::Source {
 public:
  ShopifySource(const Config& config, const http::ClientOptions& http, const sync::Tuning& tuning, Reporter& reporter)
      : config_(config),
        http_(http::make_curl_client(http)),
        reporter_(reporter),
        client_(*http_, sleeper_, reporter, connection_from_settings(config, tuning, *http_)),
        tuning_(tuning) {}

  std::vector<sync::ResourceOutcome> run(store::Db& db, const sync::SyncOptions& options) override {
    auto outcomes = sync_shopify(db, client_, *http_, sleeper_, reporter_, options, tuning_);
    // Restock tells stockouts from quiet days by the stock seen at each sync (docs/restock.md): only
    // stock that was just read counts, and a failed sync must not look as if it committed something.
    bool products_read = std::any_of(outcomes.begin(), outcomes.end(),
                                     [](const auto& o) { return o.resource == "products" && !o.error; });
    if (products_read)
      store::snapshot_inventory(db, format_rfc3339(options.now), store::load_shop_settings(db, config_).zone);
    return outcomes;
  }

  std::string stats() const override {
    const auto& s = client_.stats();
    return fmt::format("API {}, {} requests, {} retries, {} throttled",
                       s.served_version.empty() ? "?" : s.served_version, s.requests, s.retries, s.throttled);
  }

 private:
  const Config& config_;
  std::unique_ptr<http::HttpClient> http_;
  http::RealSleeper sleeper_;
  Reporter& reporter_;
  GraphqlClient client_;
  sync::Tuning tuning_;
};

}  // namespace

bool configured(const Config& config) { return setting(config, "SHOPIFY_SHOP", "shopify.shop").has_value(); }

Connection connection_from_settings(const Config& config, const sync::Tuning& tuning, http::HttpClient& http) {
  Connection c;
  c.base_url = http::base_url(*setting(config, "SHOPIFY_SHOP", "shopify.shop"), "SHOPIFY_SHOP");
  c.api_version = setting(config, "SHOPIFY_API_VERSION", "shopify.api_version").value_or("2026-10");
  if (c.api_version.empty() ||
      c.api_version.find_first_not_of("0123456789-abcdefghijklmnopqrstuvwxyz") != std::string::npos)
    throw usage_error("SHOPIFY_API_VERSION: '" + c.api_version + "' is not an API version", "e.g. 2026-10");
  c.timeout = tuning.http_timeout;
  auto token = setting(config, "SHOPIFY_ACCESS_TOKEN", "shopify.access_token");
  auto id = setting(config, "SHOPIFY_CLIENT_ID", "shopify.client_id");
  auto secret = setting(config, "SHOPIFY_CLIENT_SECRET", "shopify.client_secret");
  if (token) {
    http::check_header_value(*token, "SHOPIFY_ACCESS_TOKEN");
    c.access_token = *token;
  } else if (id && secret) {
    // The client-credentials grant (the way custom apps get tokens since 2026): a token that
    // expires (expires_in) and says which scopes it carries.
    c.renew_token = [&http, base = c.base_url, id = *id, secret = *secret] {
      return fetch_access_token(http, base, id, secret);
    };
    AccessToken first = c.renew_token();
    http::check_header_value(first.token, "the token Shopify issued");
    c.access_token = first.token;
    c.token_lifetime = first.expires_in;
    c.granted_scopes = first.scopes;
  } else {
    throw usage_error("Shopify credentials are missing",
                      "set SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET (client credentials), or SHOPIFY_ACCESS_TOKEN "
                      "(or the shopify.* config keys)");
  }
  return c;
}

sync::SourceDef source_def() {
  return {"shopify", shopify_resource_names, configured, "set SHOPIFY_SHOP (and a token) or shopify.shop",
          [](const Config& config, const http::ClientOptions& http, const sync::Tuning& tuning,
             Reporter& reporter) -> std::unique_ptr<sync::Source> {
            return std::make_unique<ShopifySource>(config, http, tuning, reporter);
          }};
}

}  // namespace shopkeep::shopify
