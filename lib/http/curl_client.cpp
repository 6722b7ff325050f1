#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>

#include "core/error.hpp"
#include "http/http_client.hpp"

namespace shopkeep::http {

namespace {

size_t on_body(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t on_file(char* data, size_t size, size_t count, void* out) {
  return std::fwrite(data, size, count, static_cast<FILE*>(out)) * size;
}

size_t on_header(char* data, size_t size, size_t count, void* out) {
  std::string line(data, size * count);
  auto* headers = static_cast<std::map<std::string, std::string>*>(out);
  if (line.rfind("HTTP/", 0) == 0) headers->clear();  // a new response (after a 100 Continue)
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon), value = line.substr(colon + 1);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.erase(value.begin());
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
    (*headers)[name] = value;
  }
  return size * count;
}

bool is_redirect(long status) { return status == 301 || status == 302 || status == 303 || status == 307 || status == 308; }

// What a failed transfer means for trying again, and a message that names the host.
TransportError transport_error(CURLcode rc, const std::string& url, const char* detail) {
  std::string what = curl_easy_strerror(rc);
  if (detail != nullptr && *detail) what += std::string(" (") + detail + ")";
  std::string origin = origin_of(url);
  std::string host = origin.empty() ? url : origin.substr(origin.find("://") + 3);
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return {"cannot connect to " + host + ": " + what, TransportError::Kind::unreachable};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {"TLS with " + host + " failed: " + what, TransportError::Kind::refused};
    default: return {what + " (" + host + ")", TransportError::Kind::transient};
  }
}

class CurlClient : public HttpClient {
 public:
  explicit CurlClient(ClientOptions options) : options_(std::move(options)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
    if (curl_ == nullptr) throw runtime_error("cannot initialise libcurl");
  }
  ~CurlClient() override { curl_easy_cleanup(curl_); }
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  std::variant<long, TransportError> download(const std::string& url, const std::string& path) override {
    std::string at = url;
    for (int hop = 0;; ++hop) {
      FILE* out = std::fopen(path.c_str(), "wb");
      if (out == nullptr) return TransportError{"cannot write " + path, TransportError::Kind::refused};
      std::map<std::string, std::string> headers;
      common_options(at, 0);
      curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_file);
      curl_easy_setopt(curl_, CURLOPT_WRITEDATA, out);
      curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, on_header);
      curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &headers);
      curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, 1L);  // give up on a stalled download
      curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, 60L);
      CURLcode rc = curl_easy_perform(curl_);
      bool closed = std::fclose(out) == 0;
      if (rc != CURLE_OK) return transport_error(rc, at, error_buffer_);
      if (!closed) return TransportError{"cannot write " + path, TransportError::Kind::refused};
      long status = 0;
      curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
      if (!is_redirect(status)) return status;
      auto next = follow(at, headers, hop);
      if (auto* refused = std::get_if<TransportError>(&next)) return *refused;
      at = std::get<std::string>(next);
    }
  }

  std::variant<Response, TransportError> send(const Request& request) override {
    std::string at = request.url;
    for (int hop = 0;; ++hop) {
      Response response;
      struct curl_slist* headers = nullptr;
      for (const auto& [name, value] : request.headers)
        headers = curl_slist_append(headers, (name + ": " + value).c_str());
      common_options(at, request.timeout.count());
      curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
      curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_body);
      curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &response.body);
      curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, on_header);
      curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &response.headers);
      if (request.method == "POST" || request.method == "PUT") {
        curl_easy_setopt(curl_, CURLOPT_POST, 1L);
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
        // A PUT is a POST with another verb: the body goes the same way.
        if (request.method == "PUT") curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, "PUT");
      }
      CURLcode rc = curl_easy_perform(curl_);
      curl_slist_free_all(headers);
      if (rc != CURLE_OK) return transport_error(rc, at, error_buffer_);
      curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &response.status);
      if (!is_redirect(response.status)) return response;
      auto next = follow(at, response.headers, hop);
      if (auto* refused = std::get_if<TransportError>(&next)) return *refused;
      at = std::get<std::string>(next);
    }
  }

 private:
  void common_options(const std::string& url, long timeout_seconds) {
    curl_easy_reset(curl_);
    error_buffer_[0] = '\0';
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_buffer_);
    if (timeout_seconds > 0) curl_easy_setopt(curl_, CURLOPT_TIMEOUT, timeout_seconds);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    if (options_.ca_bundle) curl_easy_setopt(curl_, CURLOPT_CAINFO, options_.ca_bundle->c_str());
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 0L);  // redirects are checked in follow()
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "");  // gzip when the server offers it
  }

  // The next URL of a redirect, or why it is refused: only within the same scheme, host and port
  // (credentials in our headers must never travel to another host), and at most a few hops.
  static std::variant<std::string, TransportError> follow(const std::string& from,
                                                          const std::map<std::string, std::string>& headers, int hop) {
    auto location = headers.find("location");
    if (location == headers.end()) return TransportError{"a redirect without a Location", TransportError::Kind::refused};
    std::string next = resolve_url(from, location->second);
    if (next.empty() || origin_of(next) != origin_of(from))
      return TransportError{"refused a redirect from " + origin_of(from) + " to another host (" +
                                (next.empty() ? location->second : origin_of(next)) + ")",
                            TransportError::Kind::refused};
    if (hop >= 3) return TransportError{"too many redirects from " + from, TransportError::Kind::refused};
    return next;
  }

  CURL* curl_;
  ClientOptions options_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace

std::unique_ptr<HttpClient> make_curl_client(const ClientOptions& options) {
  return std::make_unique<CurlClient>(options);
}

}  // namespace shopkeep::http
