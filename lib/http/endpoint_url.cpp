// Endpoint URLs are parsed by libcurl's URL API (curl_url), the parser that connects: a check made
// on our own reading of the string could pass "http://localhost:1@evil:80" (userinfo) while libcurl
// connects to another host.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>

#include "core/error.hpp"
#include "http/http_client.hpp"

namespace shopkeep::http {

namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

// One part of a parsed URL; nullopt when it is absent.
std::optional<std::string> part(CURLU* url, CURLUPart which, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(url, which, &value, flags) != CURLUE_OK || value == nullptr) return std::nullopt;
  std::string text(value);
  curl_free(value);
  return text;
}

bool has_control_or_space(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7F; });
}

// A DNS name of letters, digits and hyphens (an internationalised one in its xn-- form), an IPv4
// address, or an IPv6 address in brackets: what a shop or help-desk host is. libcurl would
// percent-encode anything else into a name no server has (found by fuzzing: the URL it gave back was
// not the one it was given).
bool plain_host(const std::string& host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    return std::all_of(host.begin() + 1, host.end() - 1,
                       [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; });
  return !host.empty() && host.front() != '.' && host.find("..") == std::string::npos &&
         std::all_of(host.begin(), host.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '.'; });
}

bool loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "[::1]"; }

struct Parsed {
  std::string scheme, host, port, path;
};

// Parses `text` (a full URL) with libcurl; throws a usage error naming `setting` for anything an
// endpoint must not have.
Parsed parse_checked(const std::string& text, const std::string& setting) {
  if (has_control_or_space(text))
    throw usage_error(setting + ": the URL contains whitespace or control characters", "check the value for typos");
  UrlHandle url(curl_url());
  if (!url) throw runtime_error("cannot initialise libcurl's URL parser");
  if (curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
    throw usage_error(setting + ": '" + text + "' is not a valid URL", "e.g. https://my-shop.myshopify.com");
  Parsed p;
  p.scheme = part(url.get(), CURLUPART_SCHEME).value_or("");
  p.host = part(url.get(), CURLUPART_HOST).value_or("");
  p.port = part(url.get(), CURLUPART_PORT).value_or("");
  p.path = part(url.get(), CURLUPART_PATH).value_or("/");
  if (part(url.get(), CURLUPART_USER) || part(url.get(), CURLUPART_PASSWORD) || part(url.get(), CURLUPART_OPTIONS))
    throw usage_error(setting + ": user information (user@host) is not allowed in the URL",
                      "give only scheme, host and port; credentials go in their own settings");
  if (p.host.empty()) throw usage_error(setting + ": '" + text + "' has no host");
  if (!plain_host(p.host))
    throw usage_error(setting + ": '" + p.host + "' is not a host name",
                      "letters, digits, hyphens and dots (an internationalised name in its xn-- form)");
  if (p.scheme == "http") {
    if (!loopback(p.host))
      throw usage_error(setting + ": http:// is only accepted for loopback hosts (" + p.host + " is not one)",
                        "use https://");
  } else if (p.scheme != "https") {
    throw usage_error(setting + ": not an https:// URL");
  }
  return p;
}

}  // namespace

std::string base_url(const std::string& value, const std::string& setting) {
  std::string v = value;
  if (v.find("://") == std::string::npos) {
    // A bare host name: "my-shop.myshopify.com".
    if (v.empty() || has_control_or_space(v) || v.find_first_of("/:@?#") != std::string::npos)
      throw usage_error(setting + ": '" + value + "' is not a host or URL", "e.g. my-shop.myshopify.com");
    v = "https://" + v;
  }
  Parsed p = parse_checked(v, setting);
  UrlHandle url(curl_url());
  curl_url_set(url.get(), CURLUPART_URL, v.c_str(), 0);
  if (part(url.get(), CURLUPART_QUERY) || part(url.get(), CURLUPART_FRAGMENT))
    throw usage_error(setting + ": a base URL has no query or fragment", "e.g. https://acme.zendesk.com");
  std::string path = p.path;
  while (!path.empty() && path.back() == '/') path.pop_back();
  return p.scheme + "://" + p.host + (p.port.empty() ? "" : ":" + p.port) + path;
}

void check_url(const std::string& url, const std::string& what) { parse_checked(url, what); }

std::string origin_of(const std::string& text) {
  UrlHandle url(curl_url());
  if (!url || curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) return {};
  auto scheme = part(url.get(), CURLUPART_SCHEME), host = part(url.get(), CURLUPART_HOST);
  auto port = part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  if (!scheme || !host) return {};
  return *scheme + "://" + *host + ":" + port.value_or("");
}

std::string resolve_url(const std::string& base, const std::string& location) {
  UrlHandle url(curl_url());
  if (!url || curl_url_set(url.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK) return {};
  if (curl_url_set(url.get(), CURLUPART_URL, location.c_str(), 0) != CURLUE_OK) return {};
  return part(url.get(), CURLUPART_URL).value_or("");
}

void check_header_value(const std::string& value, const std::string& setting) {
  if (std::any_of(value.begin(), value.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; }))
    throw usage_error(setting + ": contains a line break or another control character",
                      "copy the value again without the trailing newline");
}

}  // namespace shopkeep::http
