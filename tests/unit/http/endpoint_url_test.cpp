#include <doctest/doctest.h>

#include "core/error.hpp"
#include "http/http_client.hpp"

using namespace shopkeep;
using namespace shopkeep::http;

namespace {

ExitCode code_of(const std::string& value) {
  try {
    base_url(value, "SHOPIFY_SHOP");
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}

}  // namespace

TEST_CASE("base_url: hosts and URLs, as libcurl reads them") {
  CHECK(base_url("my-shop.myshopify.com", "S") == "https://my-shop.myshopify.com");
  CHECK(base_url("https://acme.zendesk.com/", "S") == "https://acme.zendesk.com");
  CHECK(base_url("http://127.0.0.1:8080", "S") == "http://127.0.0.1:8080");
  CHECK(base_url("http://localhost:1/", "S") == "http://localhost:1");
  CHECK(base_url("http://[::1]:9000", "S") == "http://[::1]:9000");
  CHECK(base_url("HTTPS://Shop.Example.com:8443/base/", "S") == "https://Shop.Example.com:8443/base");
}

TEST_CASE("base_url: refuses what could send a request elsewhere (usage error, never retried)") {
  // userinfo: a naive reading sees host "localhost"; libcurl connects to evil.example.
  CHECK(code_of("http://localhost:1@evil.example:80") == ExitCode::usage);
  CHECK(code_of("https://user:pw@shop.example.com") == ExitCode::usage);
  CHECK(code_of("http://evil.example") == ExitCode::usage);       // http only to loopback
  CHECK(code_of("http://127.0.0.1.evil.example") == ExitCode::usage);
  CHECK(code_of("https://shop.example.com\r\nX-Injected: 1") == ExitCode::usage);
  CHECK(code_of("https://shop.example.com/a b") == ExitCode::usage);
  CHECK(code_of(" my-shop.myshopify.com") == ExitCode::usage);
  CHECK(code_of("my-shop.myshopify.com\n") == ExitCode::usage);
  CHECK(code_of("ftp://shop.example.com") == ExitCode::usage);
  CHECK(code_of("https://shop.example.com/?a=1") == ExitCode::usage);
  CHECK(code_of("") == ExitCode::usage);
  // Hosts no shop has, which libcurl would percent-encode into yet another name (found by fuzzing).
  CHECK(code_of("my\xa9shop.myshopify.com") == ExitCode::usage);
  CHECK(code_of("https://sh\xc3\xb6p.example.com") == ExitCode::usage);  // IDN: give the xn-- form
  CHECK(code_of("https://xn--shp-sna.example.com") == ExitCode::ok);
  CHECK(code_of("https://10.0.0.7:8443") == ExitCode::ok);
}

TEST_CASE("check_url, origins and redirects resolved against their request") {
  CHECK_NOTHROW(check_url("https://storage.googleapis.com/x.jsonl?sig=1", "download"));
  CHECK_THROWS_AS(check_url("https://a@storage.googleapis.com/x", "download"), Error);
  CHECK(origin_of("https://a.example/x") == "https://a.example:443");
  CHECK(origin_of("http://127.0.0.1:5/x") == "http://127.0.0.1:5");
  CHECK(resolve_url("http://127.0.0.1:5/a/b", "/c") == "http://127.0.0.1:5/c");
  CHECK(origin_of(resolve_url("http://127.0.0.1:5/a", "https://evil.example/")) == "https://evil.example:443");
}

TEST_CASE("credentials must not break out of their header") {
  CHECK_NOTHROW(check_header_value("shpat_abc", "T"));
  CHECK_THROWS_AS(check_header_value("shpat_abc\n", "T"), Error);
  CHECK_THROWS_AS(check_header_value("a\r\nX: y", "T"), Error);
}
