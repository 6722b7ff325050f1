#include "zendesk/api_client.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <cstdlib>

#include "core/error.hpp"
#include "core/json_depth.hpp"
#include "zendesk/import.hpp"  // kMaxNesting

namespace shopkeep::zendesk {

using nlohmann::json;
using Clock = http::RateWindow::Clock;

namespace {

std::string base64(const std::string& text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<long> header_number(const http::Response& response, const char* name) {
  auto it = response.headers.find(name);
  if (it == response.headers.end() || it->second.empty()) return std::nullopt;
  char* end = nullptr;
  long value = std::strtol(it->second.c_str(), &end, 10);
  if (end == it->second.c_str()) return std::nullopt;
  return value;
}

// Retry-After is whole seconds (Zendesk) or fractional; an HTTP date is treated as a minute.
std::chrono::milliseconds retry_after(const http::Response& response, std::chrono::milliseconds minute) {
  auto it = response.headers.find("retry-after");
  if (it == response.headers.end()) return minute;
  char* end = nullptr;
  double seconds = std::strtod(it->second.c_str(), &end);
  if (end == it->second.c_str() || seconds < 0) return minute;
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

std::string fmt_wait(const char* why, std::chrono::milliseconds wait) {
  return fmt::format("{}: waiting {:.1f} s", why, static_cast<double>(wait.count()) / 1000.0);
}

constexpr int kMaxRateLimited = 30;  // 429s in a row for one request before giving up

}  // namespace

std::string api_token_authorization(const std::string& email, const std::string& token) {
  return "Basic " + base64(email + "/token:" + token);
}

std::string oauth_authorization(const std::string& token) { return "Bearer " + token; }

ApiClient::ApiClient(http::HttpClient& http, http::Sleeper& sleeper, Reporter& reporter, Connection connection)
    : http_(http),
      sleeper_(sleeper),
      reporter_(reporter),
      connection_(std::move(connection)),
      exports_(connection_.export_requests_per_minute,
               // A sixtieth of a minute to spare: our clock and Zendesk's need not agree to the millisecond.
               connection_.minute + connection_.minute / 60) {}

void ApiClient::pause(std::chrono::milliseconds duration, bool counts_as_waiting) {
  if (duration.count() <= 0) return;
  if (counts_as_waiting) stats_.waited_seconds += std::chrono::duration<double>(duration).count();
  sleeper_.sleep(duration);
}

void ApiClient::wait_for_limits(Endpoint endpoint) {
  if (endpoint == Endpoint::incremental_export) {
    auto wait = exports_.wait(Clock::now());
    if (wait.count() > 0) reporter_.debug(fmt_wait("export limit", wait));
    pause(wait, true);
  }
  // Keep one request in reserve for other tools sharing the account's limit.
  if (account_remaining_ && *account_remaining_ <= 1) {
    auto wait = std::chrono::ceil<std::chrono::milliseconds>(account_reset_ - Clock::now());
    if (wait.count() > 0) reporter_.debug(fmt_wait("account rate limit", wait));
    pause(wait, true);
    account_remaining_.reset();
  }
}

void ApiClient::remember_limits(const http::Response& response) {
  auto remaining = header_number(response, "x-rate-limit-remaining");
  if (!remaining) remaining = header_number(response, "ratelimit-remaining");
  if (!remaining) remaining = header_number(response, "rate-limit-remaining");
  if (!remaining) return;
  account_remaining_ = remaining;
  // Seconds until the count starts again (Zendesk spells it both ways); without it, a whole minute.
  auto reset = header_number(response, "ratelimit-reset");
  if (!reset) reset = header_number(response, "rate-limit-reset");
  account_reset_ = Clock::now() + (reset ? std::chrono::milliseconds(*reset * 1000) : connection_.minute);
}

Forbidden ApiClient::forbidden(const std::string& path, const std::string& body) const {
  std::string what = "Zendesk refused " + path + " (HTTP 403)";
  std::string hint;
  if (connection_.oauth && body.find("scope") != std::string::npos)
    hint = "the OAuth token lacks a scope this needs: create it with the read scope (or tickets:read, users:read, "
           "organizations:read and satisfaction_ratings:read)";
  else if (path.find("/incremental/") != std::string::npos)
    hint = "the incremental exports need an admin: use an admin's ZENDESK_EMAIL and API token (or OAuth token)";
  else
    hint = "the user may not read this; an admin can";
  return Forbidden(what, hint);
}

http::Response ApiClient::send(http::Request request, Endpoint endpoint, const std::string& what) {
  request.url = connection_.base_url + what;
  request.headers["Authorization"] = connection_.authorization;
  request.headers["Accept"] = "application/json";
  request.timeout = connection_.timeout;
  std::string path = what.substr(0, what.find('?'));
  std::string last_problem;
  int rate_limited = 0, attempts = 0;
  for (int attempt = 0; attempt < backoff_.max_attempts && rate_limited < kMaxRateLimited; ++attempt) {
    if (attempt > 0 || rate_limited > 0) ++stats_.retries;
    wait_for_limits(endpoint);
    ++stats_.requests;
    ++attempts;
    if (endpoint == Endpoint::incremental_export) exports_.record(Clock::now());
    auto result = http_.send(request);
    std::chrono::milliseconds wait = backoff_.delay(attempt, rng_);
    if (auto* failure = std::get_if<http::TransportError>(&result)) {
      if (!failure->retryable())
        throw UnreachableError("no answer from Zendesk: " + failure->message,
                               failure->kind == http::TransportError::Kind::unreachable
                                   ? "check ZENDESK_SUBDOMAIN (or ZENDESK_URL)"
                                   : "check ZENDESK_URL; a private CA is named with SHOPKEEP_CA_BUNDLE");
      last_problem = "no answer from Zendesk: " + failure->message;
    } else {
      auto& response = std::get<http::Response>(result);
      remember_limits(response);
      if (response.status == 401)
        throw Error(ExitCode::auth, "Zendesk refused the request (HTTP 401)",
                    "check ZENDESK_EMAIL and ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN)");
      if (response.status == 403) {
        if (request.method == "GET") throw forbidden(path, response.body);
        throw Forbidden("Zendesk refused " + request.method + " " + path + " (HTTP 403)",
                        "the user must be an agent who may update these tickets");
      }
      // Being told to wait is not a failure: a 429, and a 503 with Retry-After (maintenance).
      bool told_to_wait = response.status == 429 ||
                          (response.status == 503 && response.headers.count("retry-after") > 0);
      if (told_to_wait) {
        ++stats_.rate_limited;
        ++rate_limited;
        --attempt;
        last_problem = "HTTP " + std::to_string(response.status) + (response.status == 429 ? " (rate limited)" : " (maintenance)");
        wait = retry_after(response, connection_.minute);
        reporter_.debug(fmt_wait(response.status == 429 ? "Zendesk answered 429" : "Zendesk answered 503 (maintenance)",
                                 wait));
        pause(wait, true);
        continue;
      }
      if (response.status >= 500) {
        last_problem = "HTTP " + std::to_string(response.status) + " from Zendesk";
      } else if (response.status == 200 &&
                 !json::accept(response.body)) {  // a 200 with a cut-off body: the answer was lost
        last_problem = "an incomplete answer from Zendesk (cut off?)";
      } else {
        return std::move(response);
      }
    }
    reporter_.debug("retrying Zendesk request: " + last_problem);
    pause(wait, false);
  }
  throw runtime_error("Zendesk request failed after " + std::to_string(attempts) + " attempts: " + last_problem);
}

std::optional<json> ApiClient::get(const std::string& path_and_query, Endpoint endpoint) {
  http::Request request;
  auto response = send(std::move(request), endpoint, path_and_query);
  if (response.status == 404) return std::nullopt;
  if (response.status != 200)
    throw runtime_error("Zendesk answered HTTP " + std::to_string(response.status) + " to " +
                        path_and_query.substr(0, path_and_query.find('?')) + ": " + response.body.substr(0, 200));
  // The same nesting limit as an import of the same body: a hostile answer cannot overflow the stack.
  check_json_depth(response.body, kMaxNesting,
                   "Zendesk's answer to " + path_and_query.substr(0, path_and_query.find('?')));
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    throw runtime_error("Zendesk answered " + path_and_query.substr(0, path_and_query.find('?')) +
                        " with something that is not a JSON object");
  return body;
}

WriteResult ApiClient::put(const std::string& path, const json& body) {
  http::Request request;
  request.method = "PUT";
  request.headers["Content-Type"] = "application/json";
  request.body = body.dump();
  auto response = send(std::move(request), Endpoint::standard, path);
  bool handled = response.status == 200 || response.status == 404 || response.status == 409 || response.status == 422;
  if (!handled)
    throw runtime_error("Zendesk answered HTTP " + std::to_string(response.status) + " to PUT " + path + ": " +
                        response.body.substr(0, 200));
  WriteResult result;
  result.status = response.status;
  result.body = json::parse(response.body, nullptr, false);
  if (result.body.is_discarded()) result.body = nullptr;
  return result;
}

}  // namespace shopkeep::zendesk
