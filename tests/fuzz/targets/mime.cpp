// libFuzzer target: MIME composition (docs/email.md). Data from the store (names, the subject a
// template rendered from them, the bodies) must never start a header or break the message: the
// output is 7-bit, every line ends in CRLF, and the header block holds only the headers we write,
// each once; and GMime's own parser reads back the subject and the names as they went in
// (header_text of them: control characters become spaces). The input's fields are split at NUL: recipient name, sender name, subject, text, html.
// Seeds: testdata/fuzz/mime/.

#include <gmime/gmime.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "../fuzz_support.hpp"
#include "core/time.hpp"
#include "email/mime.hpp"
#include "email/templates.hpp"

namespace {

using namespace shopkeep;

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz: %s: %s\n", what, detail.c_str());
  std::abort();
}

std::string next_field(std::string_view& rest) {
  size_t end = rest.find('\0');
  std::string field(rest.substr(0, end));
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  return field;
}

void expect_wire_format(const std::string& message) {
  for (size_t i = 0; i < message.size(); ++i) {
    auto c = static_cast<unsigned char>(message[i]);
    if (c >= 0x80) broken("a byte that is not 7-bit", std::to_string(i));
    if (c == '\n' && (i == 0 || message[i - 1] != '\r')) broken("a bare LF", std::to_string(i));
    if (c == '\r' && (i + 1 == message.size() || message[i + 1] != '\n')) broken("a bare CR", std::to_string(i));
  }
}

// Each top-level header name once, and only ours.
void expect_our_headers(const std::string& message) {
  static const std::set<std::string> ours = {"From",
                                             "To",
                                             "Reply-To",
                                             "Subject",
                                             "Date",
                                             "Message-Id",
                                             "Message-ID",
                                             "MIME-Version",
                                             "Content-Type",
                                             "Content-Transfer-Encoding",
                                             "List-Unsubscribe",
                                             "List-Unsubscribe-Post",
                                             "X-Campaign"};
  std::map<std::string, int> seen;
  size_t end = message.find("\r\n\r\n");
  if (end == std::string::npos) broken("no end of the header block", "");
  size_t start = 0;
  while (start < end) {
    size_t eol = message.find("\r\n", start);
    std::string line = message.substr(start, eol - start);
    start = eol + 2;
    if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;  // a folded continuation
    std::string name = line.substr(0, line.find(':'));
    if (!ours.contains(name)) broken("a header we did not write", line);
    if (++seen[name] > 1) broken("a header written twice", line);
  }
}

std::string name_of(InternetAddressList* list) {
  if (internet_address_list_length(list) != 1) broken("not one mailbox", std::to_string(internet_address_list_length(list)));
  const char* name = internet_address_get_name(internet_address_list_get_address(list, 0));
  return name ? name : "";
}

// What a mail client shows is what the data said.
void expect_read_back(const std::string& message, const email::Envelope& envelope, const email::RenderedParts& parts) {
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(message.data(), message.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  GMimeMessage* parsed = g_mime_parser_construct_message(parser, nullptr);
  g_object_unref(parser);
  g_object_unref(stream);
  if (!parsed) broken("GMime cannot parse the message", "");
  const char* subject = g_mime_message_get_subject(parsed);
  std::string got_subject = subject ? subject : "", want_subject = email::header_text(parts.subject);
  std::string got_to = name_of(g_mime_message_get_to(parsed)), want_to = email::header_text(envelope.to.name);
  std::string got_from = name_of(g_mime_message_get_from(parsed)), want_from = email::header_text(envelope.from.name);
  g_object_unref(parsed);
  if (got_subject != want_subject) broken("the subject reads back as other text", got_subject + " | " + want_subject);
  if (got_to != want_to) broken("the To name reads back as other text", got_to + " | " + want_to);
  if (got_from != want_from) broken("the From name reads back as other text", got_from + " | " + want_from);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  static const bool initialised = (email::init_mime(), true);
  (void)initialised;
  std::string_view input = fuzz::as_text(data, size);
  email::Envelope envelope;
  envelope.to = {next_field(input), "ann@shop.test"};
  envelope.from = {next_field(input), "hello@shop.test"};
  envelope.message_id = "0123456789abcdef0123456789abcdef@shop.test";
  envelope.date = *parse_rfc3339("2026-03-10T12:00:00Z");
  envelope.unsubscribe_url = "https://shop.test/unsubscribe?t=0123456789abcdef";
  envelope.unsubscribe_mailto = "mailto:unsubscribe@shop.test?subject=unsubscribe";
  envelope.headers = {{"X-Campaign", "winback"}};
  email::RenderedParts parts;
  parts.subject = next_field(input);
  parts.text = next_field(input);
  parts.html = next_field(input);
  std::string message;
  fuzz::expect_clean([&] { message = email::compose_message(envelope, parts); });
  if (!message.empty()) {
    expect_wire_format(message);
    expect_our_headers(message);
    expect_read_back(message, envelope, parts);
  }
  return 0;
}
