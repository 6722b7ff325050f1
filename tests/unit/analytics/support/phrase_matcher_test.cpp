#include "analytics/support/phrase_matcher.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::analytics::support;

namespace {
std::vector<std::string> words(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }
}  // namespace

TEST_CASE("normalise_word strips ASCII punctuation at both ends and reads typographic apostrophes as ASCII") {
  CHECK(normalise_word("arrived!!") == "arrived");
  CHECK(normalise_word("\"(a&e).\"") == "a&e");
  CHECK(normalise_word("hasn\xE2\x80\x99t") == "hasn't");
  CHECK(normalise_word("...") == "");
}

TEST_CASE("phrase_words lowercases, splits on whitespace and keeps a trailing * as a wildcard") {
  CHECK(phrase_words("  Never   ARRIVED ") == words({"never", "arrived"}));
  CHECK(phrase_words("refund*") == words({"refund*"}));
  CHECK(phrase_words("Didn\xE2\x80\x99t arrive") == words({"didn't", "arrive"}));
}

TEST_CASE("longest_matches takes the longest phrase at each position, without overlaps") {
  PhraseMatcher m;
  size_t never = m.add(phrase_words("never"));
  size_t never_arrived = m.add(phrase_words("never arrived"));
  size_t refund = m.add(phrase_words("refund*"));
  auto found = m.longest_matches(words({"it", "never", "arrived", "so", "refunded", "never"}));
  REQUIRE(found.size() == 3);
  CHECK(found[0].phrase == never_arrived);
  CHECK(found[0].first == 1);
  CHECK(found[0].count == 2);
  CHECK(found[1].phrase == refund);
  CHECK(found[2].phrase == never);
}

TEST_CASE("occurring flags every phrase found anywhere, overlaps allowed") {
  PhraseMatcher m;
  m.add(phrase_words("return label"));
  m.add(phrase_words("return*"));
  m.add(phrase_words("refund"));
  auto found = m.occurring(words({"where", "is", "my", "return", "label"}));
  CHECK(found == std::vector<bool>{true, true, false});
  CHECK(m.occurring({}) == std::vector<bool>{false, false, false});
}
