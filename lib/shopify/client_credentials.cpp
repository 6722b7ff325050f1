#include "shopify/client_credentials.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace shopkeep::shopify {

std::vector<std::string> split_scopes(const std::string& scope) {
  std::vector<std::string> scopes;
  size_t at = 0;
  while (at <= scope.size()) {
    size_t comma = scope.find(',', at);
    std::string one = scope.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    while (!one.empty() && one.front() == ' ') one.erase(one.begin());
    while (!one.empty() && one.back() == ' ') one.pop_back();
    if (!one.empty()) scopes.push_back(one);
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return scopes;
}

AccessToken fetch_access_token(http::HttpClient& http, const std::string& base_url, const std::string& client_id,
                               const std::string& client_secret) {
  http::Request request;
  request.method = "POST";
  request.url = base_url + "/admin/oauth/access_token";
  request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  request.body =
      nlohmann::json{{"client_id", client_id}, {"client_secret", client_secret}, {"grant_type", "client_credentials"}}
          .dump();
  auto result = http.send(request);
  if (auto* failure = std::get_if<http::TransportError>(&result)) {
    std::string what = "cannot reach Shopify for an access token: " + failure->message;
    if (!failure->retryable()) throw UnreachableError(what, "check SHOPIFY_SHOP (and SHOPKEEP_CA_BUNDLE for a private CA)");
    throw runtime_error(what);
  }
  const auto& response = std::get<http::Response>(result);
  if (response.status == 400 || response.status == 401 || response.status == 403)
    throw Error(ExitCode::auth, "Shopify refused the client credentials (HTTP " + std::to_string(response.status) + ")",
                "check SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET");
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status != 200 || body.is_discarded() || !body.contains("access_token") ||
      !body["access_token"].is_string())
    throw runtime_error("Shopify's token endpoint answered HTTP " + std::to_string(response.status) +
                        " without a token");
  AccessToken token;
  token.token = body["access_token"].get<std::string>();
  if (auto e = body.find("expires_in"); e != body.end() && e->is_number() && e->get<double>() > 0)
    token.expires_in = std::chrono::seconds(static_cast<std::int64_t>(e->get<double>()));
  if (auto s = body.find("scope"); s != body.end() && s->is_string()) token.scopes = split_scopes(s->get<std::string>());
  return token;
}

}  // namespace shopkeep::shopify
