#include "email/mime.hpp"

#include <doctest/doctest.h>
#include <gmime/gmime.h>

#include <cctype>

using namespace shopkeep;
using namespace shopkeep::email;

namespace {

Envelope envelope() {
  Envelope e;
  e.from = {"Test Roasters", "hello@shop.test"};
  e.to = {"Bob\r\nBcc: all@x.test", "bob@shop.test"};
  e.message_id = "abc@shop.test";
  e.date = *parse_rfc3339("2026-03-10T12:00:00Z");
  e.unsubscribe_url = "https://shop.test/unsubscribe?t=0123456789abcdef0123456789abcdef0123456789abcdef";
  e.unsubscribe_mailto = "mailto:unsubscribe@shop.test?subject=unsubscribe";
  return e;
}

// Parses the message back with GMime's own parser.
GMimeMessage* parse(const std::string& bytes) {
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  GMimeMessage* m = g_mime_parser_construct_message(parser, nullptr);
  g_object_unref(parser);
  g_object_unref(stream);
  return m;
}

}  // namespace

TEST_CASE("header text: control characters never reach a header") {
  CHECK(header_text("Bob\r\nBcc: all@x") == "Bob Bcc: all@x");
  CHECK(header_text("  a\t\tb \x7f c ") == "a b c");
  CHECK(header_text("Zo\xc3\xab") == "Zo\xc3\xab");
  CHECK(header_text("bad \xff byte") == "bad \xef\xbf\xbd byte");
  CHECK(header_text("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a surrogate is not UTF-8
}

TEST_CASE("message ids are stable per campaign, recipient and step") {
  auto a = message_id("winback", " Ann@Shop.test", "customer:1:since:2026-01-01:step:1", "shop.test");
  CHECK(a == message_id("winback", "ann@shop.test", "customer:1:since:2026-01-01:step:1", "shop.test"));
  CHECK(a != message_id("winback", "ann@shop.test", "customer:1:since:2026-01-01:step:2", "shop.test"));
  CHECK(a != message_id("refill", "ann@shop.test", "customer:1:since:2026-01-01:step:1", "shop.test"));
  CHECK(a.size() == 32 + 1 + 9);
}

TEST_CASE("a composed message: CRLF, 7-bit, both parts, encoded headers, unsubscribe headers") {
  RenderedParts parts{
      "Zo\xc3\xab, your cart \xe2\x82\xac"
      "20",
      "Hi Zo\xc3\xab,\nline two\n", "<p>Hi &lt;b&gt;</p>\n"};
  std::string bytes = compose_message(envelope(), parts);
  for (size_t i = 0; i < bytes.size(); ++i) {
    REQUIRE(static_cast<unsigned char>(bytes[i]) < 128);
    if (bytes[i] == '\n') REQUIRE((i > 0 && bytes[i - 1] == '\r'));
  }
  CHECK(bytes.find("\r\nBcc:") == std::string::npos);
  auto subject = bytes.substr(bytes.find("\r\nSubject: "), 60);
  for (auto& c : subject) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK_MESSAGE(subject.find("=?utf-8?") != std::string::npos, subject);  // RFC 2047
  CHECK(bytes.find("List-Unsubscribe: <https://shop.test/unsubscribe?t=0123456789abcdef") != std::string::npos);
  CHECK(bytes.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n") != std::string::npos);
  CHECK(bytes.find("Content-Transfer-Encoding: quoted-printable") != std::string::npos);
  CHECK(bytes == compose_message(envelope(), parts));  // the same message, the same bytes

  GMimeMessage* m = parse(bytes);
  REQUIRE(m != nullptr);
  CHECK(std::string(g_mime_message_get_subject(m)) == parts.subject);
  CHECK(std::string(g_mime_message_get_message_id(m)) == "abc@shop.test");
  InternetAddressList* to = g_mime_message_get_to(m);
  REQUIRE(internet_address_list_length(to) == 1);
  auto* bob = INTERNET_ADDRESS_MAILBOX(internet_address_list_get_address(to, 0));
  CHECK(std::string(internet_address_mailbox_get_addr(bob)) == "bob@shop.test");
  CHECK(std::string(internet_address_get_name(INTERNET_ADDRESS(bob))) == "Bob Bcc: all@x.test");
  CHECK(internet_address_list_length(g_mime_message_get_bcc(m)) == 0);
  auto* body = GMIME_MULTIPART(g_mime_message_get_mime_part(m));
  REQUIRE(g_mime_multipart_get_count(body) == 2);
  char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(g_mime_multipart_get_part(body, 0)));
  CHECK(std::string(text) == "Hi Zo\xc3\xab,\r\nline two\r\n");
  g_free(text);
  g_object_unref(m);
}

TEST_CASE("without an https unsubscribe URL there is no one-click header") {
  Envelope e = envelope();
  e.unsubscribe_url.clear();
  std::string bytes = compose_message(e, {"s", "t", "h"});
  CHECK(bytes.find("List-Unsubscribe: <mailto:unsubscribe@shop.test?subject=unsubscribe>") != std::string::npos);
  CHECK(bytes.find("List-Unsubscribe-Post") == std::string::npos);
}

TEST_CASE("long subjects and names read back whole, however they are folded") {
  Envelope e = envelope();
  e.from = {"Test Roasters of the very long name that goes on past seventy-eight characters for folding",
            "hello@shop.test"};
  e.to = {"Zo\xc3\xab =?utf-8?q?Bob?= with a name that is long enough to need more than one encoded-word",
          "bob@shop.test"};
  RenderedParts parts{"A plain subject that goes on and on, past the seventy-eight characters of a line, to fold",
                      "t", "h"};
  GMimeMessage* m = parse(compose_message(e, parts));
  REQUIRE(m != nullptr);
  CHECK(std::string(g_mime_message_get_subject(m)) == parts.subject);
  auto name = [](InternetAddressList* list) {
    return std::string(internet_address_get_name(internet_address_list_get_address(list, 0)));
  };
  CHECK(name(g_mime_message_get_from(m)) == e.from.name);
  CHECK(name(g_mime_message_get_to(m)) == e.to.name);
  g_object_unref(m);
}

TEST_CASE("a name that fills the first line pushes the address to the next, and both read back") {
  Envelope e = envelope();
  e.from = {"Roasters", "a-very-long-local-part-for-the-sender-of-these-messages@mail.roasters.example"};
  e.to = {"Bob Bobbington Junior the Third of the Roasting Guild", "bob@shop.test"};
  GMimeMessage* m = parse(compose_message(e, {"s", "t", "h"}));
  REQUIRE(m != nullptr);
  auto* from = INTERNET_ADDRESS_MAILBOX(internet_address_list_get_address(g_mime_message_get_from(m), 0));
  CHECK(std::string(internet_address_mailbox_get_addr(from)) == e.from.address);
  CHECK(std::string(internet_address_get_name(INTERNET_ADDRESS(from))) == e.from.name);
  auto* to = INTERNET_ADDRESS_MAILBOX(internet_address_list_get_address(g_mime_message_get_to(m), 0));
  CHECK(std::string(internet_address_mailbox_get_addr(to)) == "bob@shop.test");
  CHECK(std::string(internet_address_get_name(INTERNET_ADDRESS(to))) == e.to.name);
  g_object_unref(m);
}
