#include "analytics/support/python_str.hpp"

#include <utf8.h>

#include <iterator>

#include "analytics/support/unicode_case.hpp"

namespace shopkeep::analytics::support::python_str {

std::u32string decode_utf8(std::string_view text) {
  std::string valid;
  utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(valid), 0xFFFD);
  std::u32string out;
  utf8::unchecked::utf8to32(valid.begin(), valid.end(), std::back_inserter(out));
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) utf8::unchecked::append(static_cast<std::uint32_t>(c), std::back_inserter(out));
  return out;
}

bool is_space(char32_t c) {
  // Python's whitespace: Unicode White_Space plus the ASCII information separators 0x1C-0x1F.
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  switch (c) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000: return true;
    default: return c >= 0x2000 && c <= 0x200A;
  }
}

std::vector<std::u32string> split(std::u32string_view text) {
  std::vector<std::u32string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

namespace {

template <typename Predicate>
std::u32string_view strip_if(std::u32string_view text, Predicate strip_it) {
  size_t begin = 0, end = text.size();
  while (begin < end && strip_it(text[begin])) ++begin;
  while (end > begin && strip_it(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

bool is_ascii_punctuation(char32_t c) {
  // string.punctuation: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

}  // namespace

std::u32string_view strip(std::u32string_view text) { return strip_if(text, is_space); }

std::u32string_view strip_punctuation(std::u32string_view text) { return strip_if(text, is_ascii_punctuation); }

bool is_upper(std::u32string_view text) {
  bool cased = false;
  for (char32_t c : text) {
    CaseClass k = case_class(c);
    if (k == CaseClass::lower_or_title) return false;
    if (k == CaseClass::upper) cased = true;
  }
  return cased;
}

std::string lower(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  auto append = [&out](char32_t c) {
    if (c < 0x80)
      out.push_back(static_cast<char>(c));
    else
      utf8::unchecked::append(static_cast<std::uint32_t>(c), std::back_inserter(out));
  };
  for (char32_t c : text) {
    if (c == 0x130) {  // LATIN CAPITAL LETTER I WITH DOT ABOVE lowers to i + COMBINING DOT ABOVE
      append(U'i');
      append(0x307);
    } else {
      append(simple_lower(c));
    }
  }
  return out;
}

}  // namespace shopkeep::analytics::support::python_str
