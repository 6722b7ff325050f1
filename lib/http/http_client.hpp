#pragma once
// HTTP behind a small interface, so the sync logic is tested against real servers on loopback
// and, for pure logic, against fakes. Secrets travel in headers and never appear in errors.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "core/config.hpp"

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

// A transport failure (no answer) as opposed to an HTTP status. What kind says whether trying again
// can help: a dropped connection or a timeout may pass; a host that refuses connections or does not
// resolve, a certificate that does not verify or a redirect to another host will not.
struct TransportError {
  enum class Kind { transient, unreachable, refused };
  std::string message;
  Kind kind = Kind::transient;
  bool retryable() const { return kind == Kind::transient; }
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Either a response (any status) or a transport error.
  virtual std::variant<Response, TransportError> send(const Request& request) = 0;
  // GET `url` into the file at `path` (streamed, not held in memory); the HTTP status, or an error.
  virtual std::variant<long, TransportError> download(const std::string& url, const std::string& path) = 0;
};

struct ClientOptions {
  std::optional<std::string> ca_bundle;  // a PEM file of CAs to trust instead of the system's
  std::string user_agent = "shopkeep/" SHOPKEEP_VERSION;
};

// A CA file to trust: a command's --cacert, else the env var, else the config key; a usage error
// naming all three when the file named is not a readable file. HTTP and SMTP (email send) share it.
std::optional<std::string> ca_file_setting(const std::optional<std::string>& cacert, const char* env_name,
                                           const Config& config, const std::string& config_key);

// The CA file from a command's --cacert, else SHOPKEEP_CA_BUNDLE, else http.ca_bundle.
ClientOptions client_options_from_settings(const Config& config, const std::optional<std::string>& cacert = {});

// libcurl, TLS always verified (against `options.ca_bundle` when set); `http://` only to loopback
// hosts; redirects followed only within the same scheme, host and port; a User-Agent on every request.
std::unique_ptr<HttpClient> make_curl_client(const ClientOptions& options = {});

// A service's base URL from a setting, checked with libcurl's own URL parser (the one that
// connects): "my-shop.myshopify.com" -> "https://my-shop.myshopify.com"; "https://host:port[/path]"
// kept; "http://" only for 127.0.0.1, localhost and [::1]. Refused (usage error naming `setting`,
// never retried): user info (`user@host`), whitespace or control characters, a query or fragment.
std::string base_url(const std::string& value, const std::string& setting);

// Refuses (usage error naming `what`) a URL that is not https:// (or http:// to a loopback host),
// or carries user info or control characters. For URLs the services hand out (bulk downloads).
void check_url(const std::string& url, const std::string& what);

// "scheme://host:port" of a URL, for comparing origins (empty when it does not parse).
std::string origin_of(const std::string& url);

// `location` (absolute or relative) resolved against `base`; empty when it does not parse.
std::string resolve_url(const std::string& base, const std::string& location);

// Percent-encodes everything but RFC 3986's unreserved characters (for query parameter values).
std::string url_encode(const std::string& value);

// Refuses (usage error) a credential that would break out of its header: CR, LF or other control
// characters (header injection).
void check_header_value(const std::string& value, const std::string& setting);

}  // namespace shopkeep::http
