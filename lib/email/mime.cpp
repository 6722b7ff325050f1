#include "email/mime.hpp"

#include <gmime/gmime.h>

#include <mutex>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "email/header_encoding.hpp"
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

// Valid UTF-8 with every invalid byte replaced by U+FFFD (ASCII runs copied in bulk: most text is).
std::string valid_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    size_t run = i;
    while (run < in.size() && static_cast<unsigned char>(in[run]) < 0x80) ++run;
    out.append(in.data() + i, run - i);
    i = run;
    if (i >= in.size()) break;
    auto c = static_cast<unsigned char>(in[i]);
    size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
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
      out.append(in.data() + i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
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

namespace {

// The GMime objects of one message, made once per thread and refilled for every message: creating
// and destroying a dozen GObjects per message cost more than composing it.
class Composer {
 public:
  Composer() {
    init_mime();
    message_ = g_mime_message_new(FALSE);  // headers in the order they are first set
    alternative_ = g_mime_multipart_new_with_subtype("alternative");
    plain_ = text_part("plain");
    html_ = text_part("html");
    g_mime_multipart_add(alternative_, GMIME_OBJECT(plain_));
    g_mime_multipart_add(alternative_, GMIME_OBJECT(html_));
    g_mime_message_set_mime_part(message_, GMIME_OBJECT(alternative_));
    options_ = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options_, GMIME_NEWLINE_FORMAT_DOS);
  }
  ~Composer() {
    g_mime_format_options_free(options_);
    g_object_unref(html_);
    g_object_unref(plain_);
    g_object_unref(alternative_);
    g_object_unref(message_);
  }
  Composer(const Composer&) = delete;
  Composer& operator=(const Composer&) = delete;

  std::string compose(const Envelope& e, const RenderedParts& parts) {
    auto* object = GMIME_OBJECT(message_);
    set_mailbox("From", e.from);
    set_mailbox("To", e.to);
    if (e.reply_to)
      set_mailbox("Reply-To", *e.reply_to);
    else
      g_mime_object_remove_header(object, "Reply-To");
    set_raw_header("Subject", encode_unstructured("Subject", header_text(parts.subject)));
    GDateTime* date = g_date_time_new_from_unix_utc(e.date.time_since_epoch().count());
    g_mime_message_set_date(message_, date);
    g_date_time_unref(date);
    g_mime_message_set_message_id(message_, header_text(e.message_id).c_str());
    set_unsubscribe(e);
    for (const auto& [name, value] : e.headers) set_raw_header(name, encode_unstructured(name, header_text(value)));
    // A boundary derived from the Message-ID: the same message renders to the same bytes.
    std::string boundary = "=_shopkeep_" + sha256_hex(e.message_id).substr(0, 24);
    g_mime_multipart_set_boundary(alternative_, boundary.c_str());
    set_text(plain_, parts.text);
    set_text(html_, parts.html);

    Ref<GMimeStream> stream(g_mime_stream_mem_new());
    ssize_t written = g_mime_object_write_to_stream(object, options_, stream.p);
    for (const auto& [name, value] : e.headers) g_mime_object_remove_header(object, name.c_str());
    if (written < 0) throw runtime_error("cannot compose the message " + e.message_id);
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.p));
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
  }

 private:
  static GMimeTextPart* text_part(const char* subtype) {
    GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
    g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    return part;
  }

  // The content goes in as a stream with a declared charset: GMime's own charset detection
  // (set_text) would scan every body once more.
  static void set_text(GMimeTextPart* part, const std::string& body) {
    std::string text = valid_utf8(body);
    GMimeStream* stream = g_mime_stream_mem_new_with_buffer(text.data(), text.size());
    GMimeDataWrapper* content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(GMIME_PART(part), content);
    g_object_unref(content);
    g_object_unref(stream);
  }

  void set_mailbox(const char* name, const Mailbox& box) {
    set_raw_header(name, encode_mailbox(name, header_text(box.name), header_text(box.address)));
  }

  // Sets a header to a value encoded and folded by header_encoding.hpp, which GMime then writes as
  // it is (with the message's line ends). GMime still parses the value (From, To, Subject) for its
  // own fields, so it gets the same value unfolded.
  void set_raw_header(const std::string& name, const std::string& folded) {
    auto* object = GMIME_OBJECT(message_);
    std::string unfolded = folded;
    for (size_t fold; (fold = unfolded.find("\n ")) != std::string::npos;) unfolded.erase(fold, 1);
    g_mime_object_set_header(object, name.c_str(), unfolded.c_str(), nullptr);
    GMimeHeader* header = g_mime_header_list_get_header(g_mime_object_get_header_list(object), name.c_str());
    g_mime_header_set_raw_value(header, (" " + folded + "\n").c_str());
  }

  // RFC 2369: each URI in angle brackets, the https one first as RFC 8058 one-click uses it. Written
  // raw (folded between the URIs): GMime would encode a long unstructured value into encoded-words,
  // which mail clients cannot read as URIs. The values are URLs checked at load (no spaces or
  // control characters) and cleaned again here.
  void set_unsubscribe(const Envelope& e) {
    auto* object = GMIME_OBJECT(message_);
    std::string folded;
    for (const auto* uri : {&e.unsubscribe_url, &e.unsubscribe_mailto}) {
      if (uri->empty()) continue;
      folded += (folded.empty() ? "<" : ",\n <") + header_text(*uri) + ">";
    }
    if (folded.empty())
      g_mime_object_remove_header(object, "List-Unsubscribe");
    else
      set_raw_header("List-Unsubscribe", folded);
    if (e.unsubscribe_url.empty())
      g_mime_object_remove_header(object, "List-Unsubscribe-Post");
    else
      g_mime_object_set_header(object, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", nullptr);
  }

  GMimeMessage* message_;
  GMimeMultipart* alternative_;
  GMimeTextPart *plain_, *html_;
  GMimeFormatOptions* options_;
};

}  // namespace

std::string compose_message(const Envelope& e, const RenderedParts& parts) {
  thread_local Composer composer;
  return composer.compose(e, parts);
}

}  // namespace shopkeep::email
