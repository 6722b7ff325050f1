#include "email/mime.hpp"

#include <gmime/gmime.h>

#include <mutex>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::email {

namespace {

// Owns a GObject reference.
template <typename T>
struct Ref {
  T* p;
  explicit Ref(T* pointer) : p(pointer) {}
  ~Ref() {
    if (p) g_object_unref(p);
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
};

// Valid UTF-8 with every invalid byte replaced by U+FFFD.
std::string valid_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    auto c = static_cast<unsigned char>(in[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool ok = n > 0 && i + n <= in.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(in[i + k]) & 0xc0) == 0x80;
    if (ok && n == 2) ok = c >= 0xc2;  // no overlong forms
    if (ok && n == 3) {
      auto c1 = static_cast<unsigned char>(in[i + 1]);
      ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);  // no overlong forms, no surrogates
    }
    if (ok && n == 4) {
      auto c1 = static_cast<unsigned char>(in[i + 1]);
      ok = c <= 0xf4 && !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(in.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

GMimeTextPart* text_part(const char* subtype, const std::string& body) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  g_mime_text_part_set_charset(part, "utf-8");
  std::string text = valid_utf8(body);
  g_mime_text_part_set_text(part, text.c_str());
  g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return part;
}

void add_mailbox(GMimeMessage* message, GMimeAddressType type, const Mailbox& box) {
  std::string name = header_text(box.name);
  std::string address = header_text(box.address);
  g_mime_message_add_mailbox(message, type, name.empty() ? nullptr : name.c_str(), address.c_str());
}

}  // namespace

void init_mime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string header_text(std::string_view text) {
  std::string utf8 = valid_utf8(text);
  std::string out;
  out.reserve(utf8.size());
  bool space = false;
  for (char ch : utf8) {
    auto c = static_cast<unsigned char>(ch);
    bool blank = c < 0x20 || c == 0x7f || c == ' ';
    if (blank) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

std::string message_id(const std::string& campaign, const std::string& email, const std::string& subject_key,
                       const std::string& domain) {
  std::string digest = sha256_hex(campaign + '\n' + privacy::normalise_email(email) + '\n' + subject_key);
  return digest.substr(0, 32) + "@" + domain;
}

std::string compose_message(const Envelope& e, const RenderedParts& parts) {
  init_mime();
  Ref<GMimeMessage> message(g_mime_message_new(TRUE));
  add_mailbox(message.p, GMIME_ADDRESS_TYPE_FROM, e.from);
  add_mailbox(message.p, GMIME_ADDRESS_TYPE_TO, e.to);
  if (e.reply_to) add_mailbox(message.p, GMIME_ADDRESS_TYPE_REPLY_TO, *e.reply_to);
  g_mime_message_set_subject(message.p, header_text(parts.subject).c_str(), "utf-8");
  GDateTime* date = g_date_time_new_from_unix_utc(e.date.time_since_epoch().count());
  g_mime_message_set_date(message.p, date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.p, header_text(e.message_id).c_str());

  // RFC 2369: each URI in angle brackets, the https one first as RFC 8058 one-click uses it. Written
  // raw (folded between the URIs): GMime would encode a long unstructured value into encoded-words,
  // which mail clients cannot read as URIs. The values are URLs checked at load (no spaces or
  // control characters) and cleaned again here.
  std::vector<std::string> uris;
  if (!e.unsubscribe_url.empty()) uris.push_back("<" + header_text(e.unsubscribe_url) + ">");
  if (!e.unsubscribe_mailto.empty()) uris.push_back("<" + header_text(e.unsubscribe_mailto) + ">");
  auto* object = GMIME_OBJECT(message.p);
  if (!uris.empty()) {
    std::string joined, raw;
    for (const auto& uri : uris) {
      joined += (joined.empty() ? "" : ", ") + uri;
      raw += (raw.empty() ? " " : ",\n ") + uri;
    }
    g_mime_object_set_header(object, "List-Unsubscribe", joined.c_str(), nullptr);
    GMimeHeader* header = g_mime_header_list_get_header(g_mime_object_get_header_list(object), "List-Unsubscribe");
    g_mime_header_set_raw_value(header, (raw + "\n").c_str());
  }
  if (!e.unsubscribe_url.empty())
    g_mime_object_set_header(object, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", nullptr);
  for (const auto& [name, value] : e.headers)
    g_mime_object_set_header(object, name.c_str(), header_text(value).c_str(), "utf-8");

  Ref<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
  // A boundary derived from the Message-ID: the same message renders to the same bytes.
  std::string boundary = "=_shopkeep_" + sha256_hex(e.message_id).substr(0, 24);
  g_mime_multipart_set_boundary(alternative.p, boundary.c_str());
  Ref<GMimeTextPart> plain(text_part("plain", parts.text));
  Ref<GMimeTextPart> html(text_part("html", parts.html));
  g_mime_multipart_add(alternative.p, GMIME_OBJECT(plain.p));
  g_mime_multipart_add(alternative.p, GMIME_OBJECT(html.p));
  g_mime_message_set_mime_part(message.p, GMIME_OBJECT(alternative.p));

  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  Ref<GMimeStream> stream(g_mime_stream_mem_new());
  ssize_t written = g_mime_object_write_to_stream(object, options, stream.p);
  g_mime_format_options_free(options);
  if (written < 0) throw runtime_error("cannot compose the message " + e.message_id);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.p));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace shopkeep::email
