#pragma once
// The few Python str methods VADER's reference implementation (vaderSentiment.py) is written with,
// with Python's exact semantics, over UTF-32 text: reproducing the reference's scores depends on
// which characters split words, which are punctuation, and what counts as ALL CAPS.
#include <string>
#include <string_view>
#include <vector>

namespace shopkeep::analytics::support::python_str {

// Valid UTF-8 to code points; invalid bytes become U+FFFD, as Python's errors="replace" does.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// str.isspace() of one character (what str.split() and str.strip() cut on).
bool is_space(char32_t c);
// str.split() without arguments: runs of whitespace separate words, none are empty.
std::vector<std::u32string> split(std::u32string_view text);
// str.strip() without arguments.
std::u32string_view strip(std::u32string_view text);
// str.strip(string.punctuation): ASCII punctuation off both ends.
std::u32string_view strip_punctuation(std::u32string_view text);
// str.isupper(): at least one uppercase character and no lowercase or titlecase one.
bool is_upper(std::u32string_view text);
// str.lower() as UTF-8, but for the final-sigma rule (a word-final capital sigma lowers to
// U+03C2 in Python, to U+03C3 here), which cannot matter for VADER's ASCII word lists.
std::string lower(std::u32string_view text);

}  // namespace shopkeep::analytics::support::python_str
