#pragma once
// HTTP behind a small interface, so the sync logic is tested against real servers on loopback
// and, for pure logic, against fakes. Secrets travel in headers and never appear in errors.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace shopkeep::http {

struct Request {
  std::string method = "GET";
  std::string url;
  std::map<std::string, std::string> headers;
  std::string body;
  std::chrono::seconds timeout{60};
};

struct Response {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

// A transport failure (no answer: refused, timed out, cut off) as opposed to an HTTP status.
struct TransportError {
  std::string message;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Either a response (any status) or a transport error.
  virtual std::variant<Response, TransportError> send(const Request& request) = 0;
  // GET `url` into the file at `path` (streamed, not held in memory); the HTTP status, or an error.
  virtual std::variant<long, TransportError> download(const std::string& url, const std::string& path) = 0;
};

// libcurl, TLS verified; `http://` only to loopback hosts.
std::unique_ptr<HttpClient> make_curl_client();

// Refuses (usage error) a URL that is neither https:// nor http:// to a loopback host.
void check_url(const std::string& url, const std::string& what);

// A base URL for a service: "my-shop.myshopify.com" -> "https://my-shop.myshopify.com";
// "https://host:port" kept; "http://" accepted only for 127.0.0.1, localhost and [::1]. Throws a
// usage error naming `setting` otherwise.
std::string base_url(const std::string& value, const std::string& setting);

// Percent-encodes everything but RFC 3986's unreserved characters (for query parameter values).
std::string url_encode(const std::string& value);

}  // namespace shopkeep::http
