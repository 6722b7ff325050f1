#pragma once
// The client-credentials grant: a short-lived Admin API token from a client id and secret
// (POST /admin/oauth/access_token). The token lives in memory only.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "http/http_client.hpp"

namespace shopkeep::shopify {

struct AccessToken {
  std::string token;                           // never logged
  std::optional<std::chrono::seconds> expires_in;  // from the answer's expires_in
  std::optional<std::vector<std::string>> scopes;  // the granted `scope`, when the answer says
};

// Throws Error(auth) when the shop refuses the credentials, UnreachableError when it cannot be reached.
AccessToken fetch_access_token(http::HttpClient& http, const std::string& base_url, const std::string& client_id,
                               const std::string& client_secret);

// "read_orders,read_products" (Shopify's comma-separated scope list) -> {"read_orders", "read_products"}.
std::vector<std::string> split_scopes(const std::string& scope);

}  // namespace shopkeep::shopify
