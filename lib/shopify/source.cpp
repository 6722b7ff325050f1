#include "shopify/source.hpp"

#include <fmt/format.h>

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
  ShopifySource(const Config& config, const sync::Tuning& tuning, Reporter& reporter)
      : config_(config),
        http_(http::make_curl_client()),
        reporter_(reporter),
        client_(*http_, sleeper_, reporter, connection_from_settings(config, tuning, *http_)),
        bulk_(tuning.shopify_bulk) {}

  std::vector<sync::ResourceOutcome> run(store::Db& db, const sync::SyncOptions& options) override {
    auto outcomes = sync_shopify(db, client_, *http_, sleeper_, reporter_, options, bulk_);
    // Restock tells stockouts from quiet days by the stock seen at each sync (docs/restock.md).
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
  bool bulk_;
};

}  // namespace

bool configured(const Config& config) { return setting(config, "SHOPIFY_SHOP", "shopify.shop").has_value(); }

Connection connection_from_settings(const Config& config, const sync::Tuning& tuning, http::HttpClient& http) {
  Connection c;
  c.base_url = http::base_url(*setting(config, "SHOPIFY_SHOP", "shopify.shop"), "SHOPIFY_SHOP");
  c.api_version = setting(config, "SHOPIFY_API_VERSION", "shopify.api_version").value_or("2026-10");
  c.timeout = tuning.http_timeout;
  auto token = setting(config, "SHOPIFY_ACCESS_TOKEN", "shopify.access_token");
  auto id = setting(config, "SHOPIFY_CLIENT_ID", "shopify.client_id");
  auto secret = setting(config, "SHOPIFY_CLIENT_SECRET", "shopify.client_secret");
  if (token) {
    c.access_token = *token;
  } else if (id && secret) {
    c.renew_token = [&http, base = c.base_url, id = *id, secret = *secret] {
      return fetch_access_token(http, base, id, secret);
    };
    c.access_token = c.renew_token();
  } else {
    throw usage_error("Shopify credentials are missing",
                      "set SHOPIFY_ACCESS_TOKEN, or SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET (or the shopify.* "
                      "config keys)");
  }
  return c;
}

sync::SourceDef source_def() {
  return {"shopify", shopify_resource_names, configured, "set SHOPIFY_SHOP (and a token) or shopify.shop",
          [](const Config& config, const sync::Tuning& tuning, Reporter& reporter) -> std::unique_ptr<sync::Source> {
            return std::make_unique<ShopifySource>(config, tuning, reporter);
          }};
}

}  // namespace shopkeep::shopify
