#pragma once
// Zendesk's Support REST API: authenticated GETs and PUTs that stay within both rate limits (the export
// endpoints' own requests per minute, counted here, and the account's per-minute limit, read from
// the rate headers of each answer), honour 429 Retry-After, and retry 5xx, dropped connections and
// cut-off bodies with backoff. 401/403 throw Error(auth).
#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <random>
#include <string>

#include "core/error.hpp"
#include "core/reporter.hpp"
#include "http/http_client.hpp"
#include "http/rate_window.hpp"
#include "http/retry.hpp"

namespace shopkeep::zendesk {

struct Connection {
  std::string base_url;       // https://acme.zendesk.com
  std::string authorization;  // the Authorization header's value; never logged
  bool oauth = false;         // a bearer token (its 403s may be about scopes)
  std::chrono::seconds timeout{60};
  int export_requests_per_minute = 10;  // 30 with Zendesk's High Volume API add-on
  // The length of Zendesk's rate-limit "minute". Only tests shorten it, together with their fake server.
  std::chrono::milliseconds minute{60000};
};

// "Basic base64(email/token:TOKEN)" for an API token; "Bearer TOKEN" for OAuth.
std::string api_token_authorization(const std::string& email, const std::string& token);
std::string oauth_authorization(const std::string& token);

struct ClientStats {
  std::uint64_t requests = 0, retries = 0, rate_limited = 0;  // rate_limited: 429 (and 503 Retry-After) answers
  double waited_seconds = 0;                                  // waiting to stay within the limits
};

enum class Endpoint { standard, incremental_export };

// The answer to a write: its status (200, or a 4xx the caller decides about: 404, 409 Conflict,
// 422 Unprocessable) and parsed body (null when empty or not JSON).
struct WriteResult {
  long status = 0;
  nlohmann::json body;
};

// Zendesk answered 403: the user may not read this (the exports need an admin; CSAT may be off; an
// OAuth token may lack a scope). An auth error for the source, unless the caller decides otherwise
// (satisfaction ratings skip the resource instead).
class Forbidden : public Error {
 public:
  Forbidden(const std::string& what, std::string hint) : Error(ExitCode::auth, what, std::move(hint)) {}
};

class ApiClient {
 public:
  ApiClient(http::HttpClient& http, http::Sleeper& sleeper, Reporter& reporter, Connection connection);

  // GET base_url + `path_and_query`; the parsed body of a 200. A 404 returns nullopt (the caller
  // decides what a missing thing means). 401 throws Error(auth), 403 Forbidden, other 4xx a runtime
  // error; a host that cannot be reached UnreachableError. 429 and 503 with Retry-After are waited out.
  std::optional<nlohmann::json> get(const std::string& path_and_query, Endpoint endpoint);

  // PUT base_url + `path` with a JSON body, retried like a GET (so only for idempotent writes).
  // 200, 404, 409 and 422 are returned; other 4xx throw a runtime error, 401/403 an auth error.
  WriteResult put(const std::string& path, const nlohmann::json& body);

  const ClientStats& stats() const { return stats_; }

 private:
  // One request with every retry: the final response (any status the caller handles) or an error.
  http::Response send(http::Request request, Endpoint endpoint, const std::string& what);
  void wait_for_limits(Endpoint endpoint);
  void remember_limits(const http::Response& response);
  void pause(std::chrono::milliseconds duration, bool counts_as_waiting);
  Forbidden forbidden(const std::string& path, const std::string& body) const;

  http::HttpClient& http_;
  http::Sleeper& sleeper_;
  Reporter& reporter_;
  Connection connection_;
  http::Backoff backoff_;
  http::RateWindow exports_;
  std::mt19937_64 rng_{std::random_device{}()};
  ClientStats stats_;
  // The account's limit as of the last answer: requests left, and when the count resets.
  std::optional<long> account_remaining_;
  http::RateWindow::Clock::time_point account_reset_;
};

}  // namespace shopkeep::zendesk
