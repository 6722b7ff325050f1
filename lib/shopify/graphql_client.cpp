#include "shopify/graphql_client.hpp"

#include <algorithm>
#include <cmath>

namespace shopkeep::shopify {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// Renew this long before the token expires: a tenth of its life, at most five minutes.
Clock::time_point renewal_time(std::chrono::seconds lifetime) {
  auto margin = std::min<Clock::duration>(std::chrono::minutes(5), lifetime / 10);
  return Clock::now() + lifetime - margin;
}

std::string cost_key(const std::string& query, const json& variables) {
  return query + "#" + (variables.contains("first") ? variables["first"].dump() : "");
}

}  // namespace

GraphqlClient::GraphqlClient(http::HttpClient& http, http::Sleeper& sleeper, Reporter& reporter, Connection connection)
    : http_(http), sleeper_(sleeper), reporter_(reporter), connection_(std::move(connection)) {
  if (connection_.renew_token && connection_.token_lifetime) renew_at_ = renewal_time(*connection_.token_lifetime);
}

void GraphqlClient::wait_for_budget(double cost) {
  if (!bucket_known_) return;
  if (cost > bucket_maximum_) throw CostExceeded(cost, bucket_maximum_);  // it would never fit
  double elapsed = std::chrono::duration<double>(Clock::now() - bucket_seen_).count();
  double available = std::min(bucket_maximum_, bucket_available_ + elapsed * restore_rate_);
  if (available >= cost) return;
  double seconds = (cost - available) / restore_rate_;
  stats_.waited_seconds += seconds;
  reporter_.debug("waiting " + std::to_string(seconds).substr(0, 5) + " s for Shopify's cost bucket (" +
                  std::to_string(static_cast<long>(cost)) + " points)");
  sleeper_.sleep(std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000))));
}

void GraphqlClient::remember_cost(const json& body, const std::string& key) {
  auto extensions = body.find("extensions");
  if (extensions == body.end() || !extensions->is_object() || !extensions->contains("cost")) return;
  const json& cost = (*extensions)["cost"];
  if (auto requested = cost.find("requestedQueryCost"); requested != cost.end() && requested->is_number())
    learned_cost_[key] = requested->get<double>();
  const json& status = cost.value("throttleStatus", json::object());
  if (!status.contains("currentlyAvailable")) return;
  bucket_available_ = status.value("currentlyAvailable", 0.0);
  bucket_maximum_ = status.value("maximumAvailable", 1000.0);
  restore_rate_ = std::max(1.0, status.value("restoreRate", 50.0));
  bucket_seen_ = Clock::now();
  bucket_known_ = true;
}

void GraphqlClient::renew_token(const char* why) {
  AccessToken fresh = connection_.renew_token();
  connection_.access_token = fresh.token;
  if (fresh.scopes) connection_.granted_scopes = fresh.scopes;
  renew_at_.reset();
  if (fresh.expires_in) renew_at_ = renewal_time(*fresh.expires_in);
  reporter_.debug(std::string("renewed the Shopify access token ") + why);
}

void GraphqlClient::renew_if_expiring() {
  if (renew_at_ && Clock::now() >= *renew_at_) renew_token("ahead of its expiry");
}

bool GraphqlClient::read_errors(const json& body, std::string& transient) {
  bool throttled = false;
  std::string fatal, hint;
  for (const auto& e : body.value("errors", json::array())) {
    const json& extensions = e.is_object() ? e.value("extensions", json::object()) : json::object();
    std::string code = extensions.is_object() ? extensions.value("code", "") : "";
    std::string message = e.is_object() ? e.value("message", e.dump()) : e.dump();
    if (code == "THROTTLED") {
      throttled = true;
    } else if (code == "MAX_COST_EXCEEDED") {
      throw CostExceeded(extensions.value("cost", 0.0), extensions.value("maxCost", 1000.0));
    } else if (code == "INTERNAL_SERVER_ERROR") {
      transient = "INTERNAL_SERVER_ERROR from Shopify";  // intermittent, says Shopify: try again
    } else {
      if (code == "ACCESS_DENIED")
        hint = "grant the app the access scope the message names (docs/sync-shopify.md, \"Access scopes\")";
      fatal += (fatal.empty() ? "" : "; ") + message;
    }
  }
  if (!fatal.empty()) throw runtime_error("Shopify GraphQL error: " + fatal, hint);
  return throttled;
}

json GraphqlClient::query(const std::string& query, const json& variables, double expected_cost) {
  http::Request request;
  request.method = "POST";
  request.url = connection_.base_url + "/admin/api/" + connection_.api_version + "/graphql.json";
  request.body = json{{"query", query}, {"variables", variables}}.dump();
  request.timeout = connection_.timeout;
  const std::string key = cost_key(query, variables);
  std::string last_problem;
  bool renewed = false;
  // THROTTLED is back-pressure, not a failure: it has its own, larger allowance, and the wait for
  // the bucket to refill replaces the backoff.
  constexpr int kMaxThrottled = 50;
  int throttled_in_a_row = 0;
  for (int attempt = 0; attempt < backoff_.max_attempts && throttled_in_a_row < kMaxThrottled; ++attempt) {
    if (attempt > 0 || throttled_in_a_row > 0) ++stats_.retries;
    renew_if_expiring();
    request.headers = {{"Content-Type", "application/json"}, {"X-Shopify-Access-Token", connection_.access_token}};
    auto learned = learned_cost_.find(key);
    double cost = std::max(expected_cost, learned == learned_cost_.end() ? 0.0 : learned->second);
    wait_for_budget(cost);
    ++stats_.requests;
    auto result = http_.send(request);
    std::chrono::milliseconds pause = backoff_.delay(attempt, rng_);
    if (auto* failure = std::get_if<http::TransportError>(&result)) {
      if (!failure->retryable())
        throw UnreachableError("no answer from Shopify: " + failure->message,
                               failure->kind == http::TransportError::Kind::unreachable
                                   ? "check SHOPIFY_SHOP"
                                   : "check SHOPIFY_SHOP; a private CA is named with SHOPKEEP_CA_BUNDLE");
      last_problem = "no answer from Shopify: " + failure->message;
      // The query may have been charged without an answer saying so: assume it was.
      if (bucket_known_)
        bucket_available_ = std::max(0.0, bucket_available_ - cost), bucket_seen_ = Clock::now();
    } else {
      const auto& response = std::get<http::Response>(result);
      if (auto v = response.headers.find("x-shopify-api-version");
          v != response.headers.end() && stats_.served_version.empty()) {
        stats_.served_version = v->second;
        reporter_.debug("Shopify served API version " + v->second);
      }
      if (response.status == 401 && connection_.renew_token && !renewed) {
        // The short-lived token expired early: get a new one once, then try again at once.
        renew_token("after a 401");
        renewed = true;
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
          remember_cost(body, key);
          std::string transient;
          bool throttled = read_errors(body, transient);
          if (!throttled && transient.empty() && body.contains("data") && body["data"].is_object()) return body["data"];
          if (throttled) {
            ++stats_.throttled;
            ++throttled_in_a_row;
            --attempt;
            last_problem = "THROTTLED";
            pause = std::chrono::milliseconds(0);  // wait_for_budget sleeps for the requested cost
          } else {
            last_problem = transient.empty() ? "an answer without data" : transient;
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
