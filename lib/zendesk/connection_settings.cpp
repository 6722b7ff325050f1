#include "zendesk/connection_settings.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "http/http_client.hpp"

namespace shopkeep::zendesk {

namespace {

std::optional<std::string> setting(const Config& config, const char* env, const char* key) {
  return resolve_setting(std::nullopt, env, config, key);
}

bool is_subdomain(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; });
}

}  // namespace

bool configured(const Config& config) {
  return setting(config, "ZENDESK_URL", "zendesk.url") || setting(config, "ZENDESK_SUBDOMAIN", "zendesk.subdomain");
}

std::string base_url_from_settings(const Config& config) {
  if (auto url = setting(config, "ZENDESK_URL", "zendesk.url")) {
    if (url->find("://") == std::string::npos)
      throw usage_error("ZENDESK_URL: '" + *url + "' is not a URL", "e.g. https://acme.zendesk.com");
    return http::base_url(*url, "ZENDESK_URL");
  }
  auto sub = setting(config, "ZENDESK_SUBDOMAIN", "zendesk.subdomain");
  if (!sub)
    throw usage_error("zendesk is not configured", "set ZENDESK_SUBDOMAIN or ZENDESK_URL, or zendesk.subdomain");
  if (!is_subdomain(*sub))
    throw usage_error("ZENDESK_SUBDOMAIN: '" + *sub + "' is not a subdomain",
                      "'acme' for https://acme.zendesk.com, or set ZENDESK_URL");
  return "https://" + *sub + ".zendesk.com";
}

Connection connection_from_settings(const Config& config, const sync::Tuning& tuning) {
  Connection c;
  c.base_url = base_url_from_settings(config);
  c.timeout = tuning.http_timeout;
  c.minute = tuning.zendesk_minute;
  auto oauth = setting(config, "ZENDESK_OAUTH_TOKEN", "zendesk.oauth_token");
  auto email = setting(config, "ZENDESK_EMAIL", "zendesk.email");
  auto token = setting(config, "ZENDESK_API_TOKEN", "zendesk.api_token");
  if (oauth) {
    http::check_header_value(*oauth, "ZENDESK_OAUTH_TOKEN");
    c.authorization = oauth_authorization(*oauth);
    c.oauth = true;
  } else if (email && token) {
    http::check_header_value(*email, "ZENDESK_EMAIL");
    http::check_header_value(*token, "ZENDESK_API_TOKEN");
    c.authorization = api_token_authorization(*email, *token);
  } else
    throw usage_error("Zendesk credentials are missing",
                      "set ZENDESK_EMAIL and ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN (or the zendesk.* config keys)");
  // A number in the config (the template writes `= 10`), a string of digits in the environment.
  if (auto env = env_var("ZENDESK_EXPORT_REQUESTS_PER_MINUTE")) {
    int n = 0;
    auto [end, ec] = std::from_chars(env->data(), env->data() + env->size(), n);
    if (ec != std::errc() || end != env->data() + env->size() || n < 1 || n > 100000)
      throw usage_error("ZENDESK_EXPORT_REQUESTS_PER_MINUTE: '" + *env + "' is not a whole number from 1 to 100000");
    c.export_requests_per_minute = n;
  } else if (auto n = config.get_number_in("zendesk.export_requests_per_minute", 1, 100000)) {
    if (*n != std::floor(*n))
      throw usage_error("bad config " + config.path().string() +
                        ": 'zendesk.export_requests_per_minute' must be a whole number");
    c.export_requests_per_minute = static_cast<int>(*n);
  }
  return c;
}

std::optional<std::string> base_url_if_configured(const Config& config) {
  if (!configured(config)) return std::nullopt;
  return base_url_from_settings(config);
}

}  // namespace shopkeep::zendesk
