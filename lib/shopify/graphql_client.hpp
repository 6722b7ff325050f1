#pragma once
// Shopify's GraphQL Admin API: authenticated POSTs, cost-based throttling from
// extensions.cost.throttleStatus (wait before the bucket runs dry rather than hit THROTTLED; after a
// THROTTLED answer wait for the requestedQueryCost it names), bounded retries with backoff for 429,
// 5xx, INTERNAL_SERVER_ERROR answers and transport failures, and a client-credentials token renewed
// ahead of its expiry.
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/reporter.hpp"
#include "http/http_client.hpp"
#include "http/retry.hpp"
#include "shopify/client_credentials.hpp"

namespace shopkeep::shopify {

struct Connection {
  std::string base_url;      // https://my-shop.myshopify.com
  std::string access_token;  // never logged
  std::string api_version = "2026-10";
  // With client credentials: fetches a fresh short-lived token (ahead of its expiry, and after a 401).
  std::function<AccessToken()> renew_token;
  std::optional<std::chrono::seconds> token_lifetime;      // expires_in of access_token, when known
  std::optional<std::vector<std::string>> granted_scopes;  // from the token answer, when known
  std::chrono::seconds timeout{60};                        // per request (env SHOPKEEP_HTTP_TIMEOUT)
};

struct ClientStats {
  std::uint64_t requests = 0, retries = 0, throttled = 0;
  double waited_seconds = 0;  // waiting for the cost bucket to refill
  std::string served_version;
};

// Shopify refused a query as too expensive (MAX_COST_EXCEEDED), or it costs more than the bucket
// can ever hold: the caller asks for fewer nodes.
class CostExceeded : public Error {
 public:
  CostExceeded(double requested, double maximum)
      : Error(ExitCode::runtime, "the query's cost " + std::to_string(static_cast<long>(requested)) +
                                     " exceeds Shopify's limit of " + std::to_string(static_cast<long>(maximum))),
        requested_(requested),
        maximum_(maximum) {}
  double requested() const { return requested_; }
  double maximum() const { return maximum_; }

 private:
  double requested_, maximum_;
};

class GraphqlClient {
 public:
  GraphqlClient(http::HttpClient& http, http::Sleeper& sleeper, Reporter& reporter, Connection connection);

  // Runs a query; returns its "data". `expected_cost` is the query's requested cost (to wait for the
  // bucket before sending). Throws Error(auth) for 401/403, CostExceeded for MAX_COST_EXCEEDED,
  // UnreachableError when the shop cannot be reached, and a runtime error when retries run out.
  nlohmann::json query(const std::string& query, const nlohmann::json& variables, double expected_cost);

  const ClientStats& stats() const { return stats_; }
  // The scopes the token was granted, when its answer said (client credentials).
  const std::optional<std::vector<std::string>>& granted_scopes() const { return connection_.granted_scopes; }
  const std::string& api_version() const { return connection_.api_version; }

 private:
  void wait_for_budget(double cost);
  void remember_cost(const nlohmann::json& body, const std::string& key);
  void renew_token(const char* why);
  void renew_if_expiring();
  // The errors of an answer: throws for the fatal ones; true when it was THROTTLED, and `transient`
  // set when Shopify says to try again (INTERNAL_SERVER_ERROR).
  bool read_errors(const nlohmann::json& body, std::string& transient);

  http::HttpClient& http_;
  http::Sleeper& sleeper_;
  Reporter& reporter_;
  Connection connection_;
  http::Backoff backoff_;
  std::mt19937_64 rng_{std::random_device{}()};
  ClientStats stats_;
  // The bucket as of the last answer.
  bool bucket_known_ = false;
  double bucket_available_ = 0, bucket_maximum_ = 1000, restore_rate_ = 50;
  std::chrono::steady_clock::time_point bucket_seen_;
  // Shopify's own requestedQueryCost per query text and page size, learned from its answers.
  std::map<std::string, double> learned_cost_;
  std::optional<std::chrono::steady_clock::time_point> renew_at_;  // when to renew the token ahead of expiry
};

}  // namespace shopkeep::shopify
