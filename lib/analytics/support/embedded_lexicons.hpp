#pragma once
// The lexicons and rules built into the binary (data/sentiment/, data/support/), embedded at build time by
// cmake/embed_files.cmake so that they ship with the executable.
#include <string_view>

namespace shopkeep::analytics::support {

std::string_view vader_lexicon_text();      // data/sentiment/vader_lexicon.txt (MIT, C.J. Hutto)
std::string_view emoji_lexicon_text();      // data/sentiment/emoji_utf8_lexicon.txt (MIT, C.J. Hutto)
std::string_view ecommerce_lexicon_text();  // data/support/ecommerce_lexicon.tsv (ours)
std::string_view category_rules_text();     // data/support/categories.toml (ours)

}  // namespace shopkeep::analytics::support
