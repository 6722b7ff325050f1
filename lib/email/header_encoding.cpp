#include "email/header_encoding.hpp"

#include <algorithm>
#include <vector>

#include "core/email_address.hpp"
#include "core/error.hpp"

namespace shopkeep::email {

namespace {

constexpr size_t kLineLimit = 78;  // RFC 5322 2.1.1: SHOULD be no more than 78 characters
// Encoded characters per encoded-word: "=?UTF-8?Q?" + 56 + "?=" is 68 characters, so "Subject: "
// and one word still fit in 78.
constexpr size_t kWordPayload = 56;

bool printable_ascii(std::string_view text) {
  for (char c : text)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

// A decoder reads "=?" as the start of an encoded-word, so text holding it is encoded itself
// (RFC 2047 5: a word that looks like an encoded-word must be encoded).
bool readable_as_is(std::string_view text) {
  return printable_ascii(text) && text.find("=?") == std::string_view::npos;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string_view::npos) space = text.size();
    if (space > start) words.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// Length of a UTF-8 sequence from its lead byte (the text is valid UTF-8: header_text()).
size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

// The characters a "Q" encoded-word may hold as they are in every place one may stand, a phrase
// included (RFC 2047 5(3)); every other byte is "=XX", a space "_".
bool q_literal(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' || c == '*' ||
         c == '+' || c == '-' || c == '/';
}

void append_q(std::string& out, unsigned char c) {
  static const char hex[] = "0123456789ABCDEF";
  if (q_literal(c)) {
    out += static_cast<char>(c);
  } else if (c == ' ') {
    out += '_';
  } else {
    out += '=';
    out += hex[c >> 4];
    out += hex[c & 15];
  }
}

// The whole text as "Q" encoded-words of at most kWordPayload characters, each ending on a
// character boundary (RFC 2047 5: a multi-byte character is never split between words). The
// spaces between the words are not part of the text (RFC 2047 6.2), so the text comes back
// exactly. Not "B": GMime's decoder joins adjacent words before it decodes them, and the "="
// padding of a "B" word then ends the text there.
std::vector<std::string> encoded_words(std::string_view text) {
  std::vector<std::string> words;
  std::string payload, character;
  auto flush = [&] {
    words.push_back("=?UTF-8?Q?" + payload + "?=");
    payload.clear();
  };
  for (size_t i = 0; i < text.size();) {
    size_t length = std::min(sequence_length(static_cast<unsigned char>(text[i])), text.size() - i);
    character.clear();
    for (size_t k = 0; k < length; ++k) append_q(character, static_cast<unsigned char>(text[i + k]));
    if (payload.size() + character.size() > kWordPayload) flush();
    payload += character;
    i += length;
  }
  if (!payload.empty()) flush();
  return words;
}

// Joins words with single spaces, starting a new line (a fold: "\n ") before a word that would
// take the line past the limit. `used` is what the line already holds ("Subject: ").
class Folder {
 public:
  explicit Folder(size_t used) : line_(used) {}
  void add(std::string_view word) {
    if (first_) {
      first_ = false;
    } else if (line_ + 1 + word.size() > kLineLimit) {
      out_ += "\n ";
      line_ = 1;
    } else {
      out_ += ' ';
      ++line_;
    }
    out_ += word;
    line_ += word.size();
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  size_t line_;
  bool first_ = true;
};

size_t prefix_length(std::string_view name) { return name.size() + 2; }  // "Name: "

bool fits_on_a_line(const std::vector<std::string_view>& words) {
  for (auto word : words)
    if (word.size() + 1 > kLineLimit) return false;
  return true;
}

bool all_atoms(std::string_view text) {
  for (char c : text)
    if (c != ' ' && !is_atext(c)) return false;
  return true;
}

std::string quoted_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// A display name as atoms, one quoted string, or encoded-words (an RFC 5322 phrase), in at most
// `room` characters for the first two. Those stay on the header's first line: GMime's parser
// keeps a fold inside a phrase as a line break in the name. Encoded-words fold cleanly.
std::vector<std::string> phrase(std::string_view display_name, size_t room) {
  if (readable_as_is(display_name)) {
    if (all_atoms(display_name) && display_name.size() <= room) return {std::string(display_name)};
    std::string quoted = quoted_string(display_name);  // specials such as "," or "." keep their meaning in quotes
    if (quoted.size() <= room) return {quoted};
  }
  return encoded_words(display_name);
}

}  // namespace

std::string encode_unstructured(std::string_view name, std::string_view text) {
  Folder folder(prefix_length(name));
  auto words = split_words(text);
  if (readable_as_is(text) && fits_on_a_line(words)) {
    for (auto word : words) folder.add(word);
  } else {
    for (const auto& word : encoded_words(text)) folder.add(word);
  }
  return folder.take();
}

std::string encode_mailbox(std::string_view name, std::string_view display_name, std::string_view address) {
  if (!is_valid_email(address)) throw runtime_error("cannot write the address '" + std::string(address) + "' into a header");
  Folder folder(prefix_length(name));
  if (display_name.empty()) {
    folder.add(address);
    return folder.take();
  }
  for (const auto& word : phrase(display_name, kLineLimit - prefix_length(name))) folder.add(word);
  folder.add("<" + std::string(address) + ">");
  return folder.take();
}

}  // namespace shopkeep::email
