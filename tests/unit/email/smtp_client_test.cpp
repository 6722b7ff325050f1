#include "email/smtp_client.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"

using namespace shopkeep::email;

TEST_CASE("loopback hosts may skip STARTTLS; nothing else may") {
  CHECK(is_loopback_host("localhost"));
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.1.2.3"));
  CHECK(is_loopback_host("[::1]"));
  CHECK_FALSE(is_loopback_host("127.0.0.1.example.com"));
  CHECK_FALSE(is_loopback_host("10.0.0.1"));
  CHECK_FALSE(is_loopback_host("mail.example.com"));
  CHECK_FALSE(is_loopback_host("localhost.example.com"));
}

TEST_CASE("SMTP URLs") {
  auto u = parse_smtp_url("smtp://mail.example.com:587");
  CHECK(u.scheme == "smtp");
  CHECK(u.host == "mail.example.com");
  CHECK(u.port == 587);
  CHECK_FALSE(u.loopback);
  CHECK(parse_smtp_url("smtps://mail.example.com").port == 465);
  CHECK(parse_smtp_url("smtp://127.0.0.1:2525").loopback);
  CHECK_THROWS_AS(parse_smtp_url("http://mail.example.com"), shopkeep::Error);
  CHECK_THROWS_AS(parse_smtp_url("smtp://user:secret@mail.example.com"), shopkeep::Error);
  CHECK_THROWS_AS(parse_smtp_url("not a url"), shopkeep::Error);
}
