// libFuzzer target: the endpoint checks (SHOPIFY_SHOP, ZENDESK_URL, bulk download URLs, redirects).
// The security promise, checked with libcurl's own parser (the one that connects): every URL we
// accept has no user information, is https:// or http:// to a loopback host, and a base URL is a
// fixed point (checking it again gives itself). The first byte picks the check.
// Seeds: testdata/fuzz/url/.

#include <curl/curl.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "../fuzz_support.hpp"
#include "http/http_client.hpp"

namespace {

[[noreturn]] void broken(const char* what, const std::string& text) {
  std::fprintf(stderr, "fuzz: %s: \"%s\"\n", what, text.c_str());
  std::abort();
}

std::string curl_part(CURLU* url, CURLUPart which) {
  char* value = nullptr;
  if (curl_url_get(url, which, &value, 0) != CURLUE_OK || value == nullptr) return {};
  std::string text = value;
  curl_free(value);
  return text;
}

// What libcurl would connect to for an accepted URL must be what the checks promise.
void expect_safe(const std::string& accepted, const std::string& input) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), curl_url_cleanup);
  if (curl_url_set(url.get(), CURLUPART_URL, accepted.c_str(), 0) != CURLUE_OK)
    broken("an accepted URL does not parse", input);
  if (!curl_part(url.get(), CURLUPART_USER).empty() || !curl_part(url.get(), CURLUPART_PASSWORD).empty())
    broken("an accepted URL carries user information", input);
  std::string scheme = curl_part(url.get(), CURLUPART_SCHEME), host = curl_part(url.get(), CURLUPART_HOST);
  if (scheme == "http" && host != "127.0.0.1" && host != "localhost" && host != "[::1]")
    broken("plain http accepted for a host that is not loopback", input);
  if (scheme != "http" && scheme != "https") broken("a scheme other than http(s) accepted", input);
}

void check_base_url(const std::string& text) {
  std::string base;
  try {
    base = shopkeep::http::base_url(text, "SHOPIFY_SHOP");
  } catch (const shopkeep::Error&) {
    return;
  }
  expect_safe(base, text);
  if (shopkeep::http::base_url(base, "SHOPIFY_SHOP") != base) broken("a base URL is not a fixed point", text);
}

void check_download_url(const std::string& text) {
  try {
    shopkeep::http::check_url(text, "the bulk download URL");
  } catch (const shopkeep::Error&) {
    return;
  }
  expect_safe(text, text);
}

// A redirect target is followed only when it keeps the origin (same scheme, host and port).
void check_redirect(const std::string& text) {
  std::string resolved = shopkeep::http::resolve_url("https://shop.example:443/admin/api/graphql.json", text);
  if (resolved.empty()) return;
  if (shopkeep::http::origin_of(resolved) == shopkeep::http::origin_of("https://shop.example/"))
    check_download_url(resolved);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string text(shopkeep::fuzz::as_text(data + 1, size - 1));
  switch (data[0] % 3) {
    case 0: check_base_url(text); break;
    case 1: check_download_url(text); break;
    default: check_redirect(text); break;
  }
  return 0;
}
