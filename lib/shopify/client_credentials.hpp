#pragma once
// The client-credentials grant: a short-lived Admin API token from a client id and secret
// (POST /admin/oauth/access_token). The token lives in memory only.
#include <string>

#include "http/http_client.hpp"

namespace shopkeep::shopify {

// Throws Error(auth) when the shop refuses the credentials.
std::string fetch_access_token(http::HttpClient& http, const std::string& base_url, const std::string& client_id,
                               const std::string& client_secret);

}  // namespace shopkeep::shopify
