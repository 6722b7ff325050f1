#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "core/error.hpp"
#include "http/http_client.hpp"

namespace shopkeep::http {

namespace {

size_t on_body(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* out) {
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon), value = line.substr(colon + 1);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.erase(value.begin());
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return size * count;
}

class CurlClient : public HttpClient {
 public:
  CurlClient() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
    if (curl_ == nullptr) throw runtime_error("cannot initialise libcurl");
  }
  ~CurlClient() override { curl_easy_cleanup(curl_); }

  std::variant<long, TransportError> download(const std::string& url, const std::string& path) override {
    FILE* out = std::fopen(path.c_str(), "wb");
    if (out == nullptr) return TransportError{"cannot write " + path};
    curl_easy_reset(curl_);
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, nullptr);  // fwrite into the FILE*
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, 1L);  // give up on a stalled download
    curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "");
    CURLcode rc = curl_easy_perform(curl_);
    bool closed = std::fclose(out) == 0;
    if (rc != CURLE_OK) return TransportError{curl_easy_strerror(rc)};
    if (!closed) return TransportError{"cannot write " + path};
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    return status;
  }

  std::variant<Response, TransportError> send(const Request& request) override {
    curl_easy_reset(curl_);
    Response response;
    struct curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers)
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    curl_easy_setopt(curl_, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "");  // gzip when the server offers it
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
    if (rc != CURLE_OK) return TransportError{curl_easy_strerror(rc)};
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

 private:
  CURL* curl_;
};

bool loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "[::1]"; }

}  // namespace

std::unique_ptr<HttpClient> make_curl_client() { return std::make_unique<CurlClient>(); }

void check_url(const std::string& url, const std::string& what) {
  if (url.rfind("https://", 0) == 0) return;
  if (url.rfind("http://", 0) == 0) {
    base_url(url.substr(0, url.find('/', 7)), what);  // throws unless loopback
    return;
  }
  throw usage_error(what + ": not an https:// URL");
}

std::string base_url(const std::string& value, const std::string& setting) {
  std::string v = value;
  while (!v.empty() && v.back() == '/') v.pop_back();
  if (v.rfind("https://", 0) == 0) return v;
  if (v.rfind("http://", 0) == 0) {
    std::string host = v.substr(7);
    host = host.substr(0, host.find('/'));
    if (host.rfind("[::1]", 0) == 0)
      host = "[::1]";
    else
      host = host.substr(0, host.find(':'));
    if (loopback(host)) return v;
    throw usage_error(setting + ": http:// is only accepted for loopback hosts", "use https://");
  }
  if (v.empty() || v.find_first_of("/: ") != std::string::npos)
    throw usage_error(setting + ": '" + value + "' is not a host or URL");
  return "https://" + v;
}

}  // namespace shopkeep::http
