#include "zendesk/connection_settings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/error.hpp"
#include "http/http_client.hpp"

namespace shopkeep::zendesk {

namespace {

std::optional<std::string> setting(const Config& config, const char* env, const char* key) {
  return resolve_setting(std::nullopt, env, config, key);
}

}  // namespace

bool zendesk_configured(const Config& config) {
  return setting(config, "ZENDESK_URL", "zendesk.url") || setting(config, "ZENDESK_SUBDOMAIN", "zendesk.subdomain");
}

std::string zendesk_base_url(const Config& config) {
  if (auto url = setting(config, "ZENDESK_URL", "zendesk.url")) {
    if (url->find("://") == std::string::npos)
      throw usage_error("ZENDESK_URL: '" + *url + "' is not a URL", "e.g. https://acme.zendesk.com");
    return http::base_url(*url, "ZENDESK_URL");
  }
  auto sub = setting(config, "ZENDESK_SUBDOMAIN", "zendesk.subdomain");
  if (!sub)
    throw usage_error("zendesk is not configured",
                      "set ZENDESK_SUBDOMAIN or ZENDESK_URL (and credentials), or zendesk.subdomain");
  bool valid = std::all_of(sub->begin(), sub->end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; });
  if (!valid)
    throw usage_error("ZENDESK_SUBDOMAIN: '" + *sub + "' is not a subdomain",
                      "'acme' for https://acme.zendesk.com, or set ZENDESK_URL");
  return "https://" + *sub + ".zendesk.com";
}

std::optional<std::string> zendesk_base_url_if_configured(const Config& config) {
  if (!zendesk_configured(config)) return std::nullopt;
  return zendesk_base_url(config);
}

Connection connection_from_settings(const Config& config) {
  Connection c;
  c.base_url = zendesk_base_url(config);
  if (auto t = env_var("SHOPKEEP_HTTP_TIMEOUT")) c.timeout = std::chrono::seconds{std::max(1, std::atoi(t->c_str()))};
  auto oauth = setting(config, "ZENDESK_OAUTH_TOKEN", "zendesk.oauth_token");
  auto email = setting(config, "ZENDESK_EMAIL", "zendesk.email");
  auto token = setting(config, "ZENDESK_API_TOKEN", "zendesk.api_token");
  if (oauth)
    c.authorization = oauth_authorization(*oauth);
  else if (email && token)
    c.authorization = api_token_authorization(*email, *token);
  else
    throw usage_error("Zendesk credentials are missing",
                      "set ZENDESK_EMAIL and ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN (or the zendesk.* config keys)");
  // The template writes the limit as a TOML integer; the environment gives text.
  std::optional<std::string> limit = env_var("ZENDESK_EXPORT_REQUESTS_PER_MINUTE");
  if (!limit)
    if (auto n = config.get_integer("zendesk.export_requests_per_minute")) limit = std::to_string(*n);
  if (limit) {
    int n = std::atoi(limit->c_str());
    if (n < 1) throw usage_error("zendesk.export_requests_per_minute: '" + *limit + "' is not a positive number");
    c.export_requests_per_minute = n;
  }
  // Tests shorten Zendesk's minute together with their fake server's; never set in production.
  if (auto ms = env_var("SHOPKEEP_ZENDESK_MINUTE_MS"))
    c.minute = std::chrono::milliseconds{std::max(1, std::atoi(ms->c_str()))};
  return c;
}

}  // namespace shopkeep::zendesk
