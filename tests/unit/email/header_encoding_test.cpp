#include "email/header_encoding.hpp"

#include <doctest/doctest.h>
#include <gmime/gmime.h>

#include <sstream>

#include "email/mime.hpp"

using namespace shopkeep::email;

namespace {

std::vector<std::string> lines_of(const std::string& value) {
  std::vector<std::string> lines;
  std::istringstream in(value);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// What a mail client shows: GMime's decoder on the unfolded value.
std::string decoded(const std::string& value) {
  init_mime();
  std::string unfolded;
  for (char c : value)
    if (c != '\n') unfolded += c;
  char* text = g_mime_utils_header_decode_text(nullptr, unfolded.c_str());
  std::string out = text;
  g_free(text);
  return out;
}

void check_lines(const std::string& name, const std::string& value) {
  auto lines = lines_of(value);
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t length = lines[i].size() + (i == 0 ? name.size() + 2 : 0);
    CHECK_MESSAGE(length <= 78, lines[i]);
    if (i > 0) CHECK(lines[i].front() == ' ');
  }
}

}  // namespace

TEST_CASE("plain ASCII subjects stay readable and fold at spaces") {
  CHECK(encode_unstructured("Subject", "Your cart is waiting") == "Your cart is waiting");
  std::string long_subject;
  for (int i = 0; i < 20; ++i) long_subject += (i ? " " : "") + std::string("word") + std::to_string(i);
  std::string value = encode_unstructured("Subject", long_subject);
  CHECK(value.find("\n ") != std::string::npos);
  check_lines("Subject", value);
  CHECK(decoded(value) == long_subject);
}

TEST_CASE("UTF-8, text that looks like an encoded-word and over-long words are encoded") {
  for (std::string text : {std::string("Zo\xc3\xab, your cart \xe2\x82\xac" "20"),
                           std::string("=?utf-8?q?Hello?= friend"),
                           std::string(200, 'x'),
                           std::string("\xf0\x9f\x9b\x92 ") + std::string(90, 'a') + " \xef\xbf\xbd\xef\xbf\xbd end"}) {
    std::string value = encode_unstructured("Subject", text);
    CAPTURE(value);
    CHECK(value.rfind("=?UTF-8?Q?", 0) == 0);
    check_lines("Subject", value);
    CHECK(decoded(value) == text);
  }
}

TEST_CASE("a multi-byte character is never split between encoded-words") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "\xe2\x82\xac";  // 120 bytes of three-byte characters
  std::string value = encode_unstructured("Subject", text);
  for (const auto& line : lines_of(value)) {
    std::string word = line.substr(line.find("=?"));
    init_mime();
    char* one = g_mime_utils_header_decode_text(nullptr, word.c_str());
    CHECK(std::string(one).find("\xef\xbf\xbd") == std::string::npos);  // each word decodes whole
    g_free(one);
  }
  CHECK(decoded(value) == text);
}

TEST_CASE("mailboxes: atoms, quoted strings, encoded-words, the bare address") {
  CHECK(encode_mailbox("From", "Test Roasters", "hello@shop.test") == "Test Roasters <hello@shop.test>");
  CHECK(encode_mailbox("From", "", "hello@shop.test") == "hello@shop.test");
  CHECK(encode_mailbox("From", "Shop, Ltd. \"Best\"", "hello@shop.test") ==
        "\"Shop, Ltd. \\\"Best\\\"\" <hello@shop.test>");
  std::string encoded = encode_mailbox("To", "Ann =?utf-8?q?Bob?=", "ann@shop.test");
  CHECK(encoded.rfind("=?UTF-8?Q?", 0) == 0);
  CHECK(encoded.find("<ann@shop.test>") != std::string::npos);
  std::string long_name(150, 'Z');
  check_lines("To", encode_mailbox("To", long_name, "ann@shop.test"));
  CHECK_THROWS(encode_mailbox("To", "Ann", "ann@shop.test>\nBcc: x@y.test"));
  CHECK_THROWS(encode_mailbox("To", "Ann", ""));
}
