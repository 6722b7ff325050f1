#include "core/config.hpp"

#include <toml++/toml.h>
#include <cstdlib>

#include "core/error.hpp"

namespace shopkeep {

struct Config::Impl {
  toml::table table;
};

Config::Config() : impl_(std::make_unique<Impl>()) {}
Config::~Config() = default;
Config::Config(Config&&) noexcept = default;
Config& Config::operator=(Config&&) noexcept = default;

Config Config::load(const std::filesystem::path& path) {
  Config config;
  config.path_ = path;
  try {
    config.impl_->table = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw usage_error("bad config " + path.string() + ":" + std::to_string(where.line) + ":" +
                      std::to_string(where.column) + ": " + std::string(e.description()));
  }
  return config;
}

std::optional<std::string> Config::get_string(const std::string& key) const {
  auto node = impl_->table.at_path(key);
  if (!node) return std::nullopt;
  if (auto s = node.value<std::string>()) return s;
  throw usage_error("bad config " + path_.string() + ": '" + key + "' must be a string");
}

std::optional<double> Config::get_number(const std::string& key) const {
  auto node = impl_->table.at_path(key);
  if (!node) return std::nullopt;
  if (auto d = node.value<double>()) return d;  // integers convert too
  throw usage_error("bad config " + path_.string() + ": '" + key + "' must be a number");
}

std::optional<std::int64_t> Config::get_integer(const std::string& key) const {
  auto node = impl_->table.at_path(key);
  if (!node) return std::nullopt;
  if (node.is_integer()) return node.value<std::int64_t>();
  throw usage_error("bad config " + path_.string() + ": '" + key + "' must be an integer");
}

std::optional<bool> Config::get_bool(const std::string& key) const {
  auto node = impl_->table.at_path(key);
  if (!node) return std::nullopt;
  if (node.is_boolean()) return node.value<bool>();
  throw usage_error("bad config " + path_.string() + ": '" + key + "' must be true or false");
}

std::optional<std::string> env_var(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::string(v);
}

std::optional<std::string> resolve_setting(const std::optional<std::string>& flag, const char* env_name,
                                           const Config& config, const std::string& config_key) {
  if (flag) return flag;
  if (env_name != nullptr)
    if (auto e = env_var(env_name)) return e;
  return config.get_string(config_key);
}

std::string config_template() {
  return R"(# shopkeep configuration (TOML). Precedence: command-line flag > environment > this file.
# Secrets may live here or in the environment; they are never written to the store or logs.

[store]
# path = "/home/me/.local/share/shopkeep/shopkeep.db"   # or SHOPKEEP_DB / --db

[shop]
# For stores filled by `import` only; a sync reads these from the shop itself.
# timezone = "Europe/Berlin"
# currency = "EUR"

[http]
# ca_bundle = "/etc/ssl/my-proxy-ca.pem"  # SHOPKEEP_CA_BUNDLE: CA certificates to trust (TLS is always verified)

[shopify]
# shop = "my-shop.myshopify.com"          # SHOPIFY_SHOP
# client_id = "..."                       # SHOPIFY_CLIENT_ID (client-credentials grant, the way for new apps)
# client_secret = "..."                   # SHOPIFY_CLIENT_SECRET
# access_token = "shpat_..."              # SHOPIFY_ACCESS_TOKEN (a legacy custom app's token)
# api_version = "2026-10"                 # SHOPIFY_API_VERSION

[zendesk]
# subdomain = "acme"                      # ZENDESK_SUBDOMAIN (or url = "https://acme.zendesk.com")
# email = "agent@example.com"             # ZENDESK_EMAIL
# api_token = "..."                       # ZENDESK_API_TOKEN (or oauth_token = "...", ZENDESK_OAUTH_TOKEN)
# export_requests_per_minute = 10         # 30 with the High Volume API add-on
)";
}

}  // namespace shopkeep
