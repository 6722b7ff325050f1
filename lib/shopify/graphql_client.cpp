#include "shopify/graphql_client.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace shopkeep::shopify {

using nlohmann::json;

GraphqlClient::GraphqlClient(http::HttpClient& http, http::Sleeper& sleeper, Reporter& reporter, Connection connection)
    : http_(http), sleeper_(sleeper), reporter_(reporter), connection_(std::move(connection)) {}

void GraphqlClient::wait_for_budget(double cost) {
  if (!bucket_known_) return;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - bucket_seen_).count();
  double available = std::min(bucket_maximum_, bucket_available_ + elapsed * restore_rate_);
  if (available >= cost) return;
  double seconds = (cost - available) / restore_rate_;
  stats_.waited_seconds += seconds;
  sleeper_.sleep(std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000))));
}

void GraphqlClient::remember_cost(const json& body) {
  auto cost = body.find("extensions");
  if (cost == body.end() || !cost->contains("cost")) return;
  const json& status = (*cost)["cost"].value("throttleStatus", json::object());
  if (!status.contains("currentlyAvailable")) return;
  bucket_available_ = status.value("currentlyAvailable", 0.0);
  bucket_maximum_ = status.value("maximumAvailable", 1000.0);
  restore_rate_ = std::max(1.0, status.value("restoreRate", 50.0));
  bucket_seen_ = std::chrono::steady_clock::now();
  bucket_known_ = true;
}

json GraphqlClient::query(const std::string& query, const json& variables, double expected_cost) {
  http::Request request;
  request.method = "POST";
  request.url = connection_.base_url + "/admin/api/" + connection_.api_version + "/graphql.json";
  request.headers = {{"Content-Type", "application/json"}, {"X-Shopify-Access-Token", connection_.access_token}};
  request.body = json{{"query", query}, {"variables", variables}}.dump();
  request.timeout = connection_.timeout;
  std::string last_problem;
  bool renewed = false;
  // THROTTLED is back-pressure, not a failure: it has its own, larger allowance, and the wait for
  // the bucket to refill replaces the backoff.
  constexpr int kMaxThrottled = 50;
  int throttled_in_a_row = 0;
  for (int attempt = 0; attempt < backoff_.max_attempts && throttled_in_a_row < kMaxThrottled; ++attempt) {
    if (attempt > 0 || throttled_in_a_row > 0) ++stats_.retries;
    wait_for_budget(expected_cost);
    ++stats_.requests;
    auto result = http_.send(request);
    std::chrono::milliseconds pause = backoff_.delay(attempt, rng_);
    if (auto* failure = std::get_if<http::TransportError>(&result)) {
      last_problem = "no answer from Shopify: " + failure->message;
      // The query may have been charged without an answer saying so: assume it was.
      if (bucket_known_)
        bucket_available_ = std::max(0.0, bucket_available_ - expected_cost),
        bucket_seen_ = std::chrono::steady_clock::now();
    } else {
      const auto& response = std::get<http::Response>(result);
      if (auto v = response.headers.find("x-shopify-api-version");
          v != response.headers.end() && stats_.served_version.empty()) {
        stats_.served_version = v->second;
        reporter_.debug("Shopify served API version " + v->second);
      }
      if (response.status == 401 && connection_.renew_token && !renewed) {
        // The short-lived token expired: get a new one once, then try again at once.
        connection_.access_token = connection_.renew_token();
        request.headers["X-Shopify-Access-Token"] = connection_.access_token;
        renewed = true;
        reporter_.debug("renewed the Shopify access token");
        continue;
      }
      if (response.status == 401 || response.status == 403)
        throw Error(ExitCode::auth, "Shopify refused the request (HTTP " + std::to_string(response.status) + ")",
                    "check SHOPIFY_ACCESS_TOKEN (or the client id and secret) and the app's access scopes");
      if (response.status == 429) {
        last_problem = "HTTP 429 (rate limited)";
        if (auto retry = response.headers.find("retry-after"); retry != response.headers.end())
          pause = std::chrono::milliseconds(static_cast<std::int64_t>(std::atof(retry->second.c_str()) * 1000));
      } else if (response.status >= 500) {
        last_problem = "HTTP " + std::to_string(response.status) + " from Shopify";
      } else if (response.status != 200) {
        throw runtime_error("Shopify answered HTTP " + std::to_string(response.status) + ": " +
                            response.body.substr(0, 200));
      } else {
        json body = json::parse(response.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
          last_problem = "an incomplete answer from Shopify (cut off?)";
        } else {
          remember_cost(body);
          bool throttled = false;
          std::string errors;
          for (const auto& e : body.value("errors", json::array())) {
            std::string code = e.contains("extensions") ? e["extensions"].value("code", "") : "";
            if (code == "THROTTLED")
              throttled = true;
            else
              errors += (errors.empty() ? "" : "; ") + e.value("message", e.dump());
          }
          if (!errors.empty()) throw runtime_error("Shopify GraphQL error: " + errors);
          if (!throttled && body.contains("data")) return body["data"];
          if (throttled) {
            ++stats_.throttled;
            ++throttled_in_a_row;
            --attempt;
            last_problem = "THROTTLED";
            pause = std::chrono::milliseconds(0);  // wait_for_budget sleeps for the refill
          } else {
            last_problem = "an answer without data";
          }
        }
      }
    }
    reporter_.debug("retrying Shopify request: " + last_problem);
    sleeper_.sleep(pause);
  }
  throw runtime_error("Shopify request failed after " + std::to_string(stats_.retries) + " retries: " + last_problem);
}

}  // namespace shopkeep::shopify
