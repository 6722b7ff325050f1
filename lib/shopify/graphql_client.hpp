#pragma once
// Shopify's GraphQL Admin API: authenticated POSTs, cost-based throttling from
// extensions.cost.throttleStatus (wait before the bucket runs dry rather than hit THROTTLED), and
// bounded retries with backoff for THROTTLED, 429, 5xx and transport failures.
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <random>
#include <string>

#include "core/reporter.hpp"
#include "http/http_client.hpp"
#include "http/retry.hpp"

namespace shopkeep::shopify {

struct Connection {
  std::string base_url;      // https://my-shop.myshopify.com
  std::string access_token;  // never logged
  std::string api_version = "2026-10";
  // With client credentials: fetches a fresh short-lived token (on start and after a 401).
  std::function<std::string()> renew_token;
  std::chrono::seconds timeout{60};  // per request (env SHOPKEEP_HTTP_TIMEOUT)
};

struct ClientStats {
  std::uint64_t requests = 0, retries = 0, throttled = 0;
  double waited_seconds = 0;  // waiting for the cost bucket to refill
  std::string served_version;
};

class GraphqlClient {
 public:
  GraphqlClient(http::HttpClient& http, http::Sleeper& sleeper, Reporter& reporter, Connection connection);

  // Runs a query; returns its "data". `expected_cost` is the query's requested cost (to wait for the
  // bucket before sending). Throws Error(auth) for 401/403 and a runtime error when retries run out.
  nlohmann::json query(const std::string& query, const nlohmann::json& variables, double expected_cost);

  const ClientStats& stats() const { return stats_; }

 private:
  void wait_for_budget(double cost);
  void remember_cost(const nlohmann::json& body);

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
};

}  // namespace shopkeep::shopify
