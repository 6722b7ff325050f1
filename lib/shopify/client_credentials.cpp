#include "shopify/client_credentials.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace shopkeep::shopify {

std::string fetch_access_token(http::HttpClient& http, const std::string& base_url, const std::string& client_id,
                               const std::string& client_secret) {
  http::Request request;
  request.method = "POST";
  request.url = base_url + "/admin/oauth/access_token";
  request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  request.body =
      nlohmann::json{{"client_id", client_id}, {"client_secret", client_secret}, {"grant_type", "client_credentials"}}
          .dump();
  auto result = http.send(request);
  if (auto* failure = std::get_if<http::TransportError>(&result))
    throw runtime_error("cannot reach Shopify for an access token: " + failure->message);
  const auto& response = std::get<http::Response>(result);
  if (response.status == 400 || response.status == 401 || response.status == 403)
    throw Error(ExitCode::auth, "Shopify refused the client credentials (HTTP " + std::to_string(response.status) + ")",
                "check SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET");
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status != 200 || body.is_discarded() || !body.contains("access_token"))
    throw runtime_error("Shopify's token endpoint answered HTTP " + std::to_string(response.status) +
                        " without a token");
  return body["access_token"].get<std::string>();
}

}  // namespace shopkeep::shopify
