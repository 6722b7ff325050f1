#pragma once
// Finding phrases ("never arrived", "refund*") among the words of a message: the matching that the
// shop lexicon and the category keywords share. Words are compared after normalise_word; a phrase
// word ending in '*' matches any word that starts with the rest.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace shopkeep::analytics::support {

// Lowercase UTF-8 word as a phrase sees it: typographic apostrophes read as ', ASCII punctuation
// stripped from both ends ("arrived!" -> "arrived", "a&e." -> "a&e").
std::string normalise_word(std::string_view lower_word);

// A message's words for matching: VADER's lowercase words, normalised.
std::vector<std::string> matching_words(const std::vector<std::string>& lower_words);

// Splits a phrase as written in a lexicon or config ("Never  arrived") into normalised words.
std::vector<std::string> phrase_words(std::string_view phrase);

class PhraseMatcher {
 public:
  struct Match {
    size_t first = 0, count = 0;  // the words of the message it covers
    size_t phrase = 0;            // index of the phrase, in the order added
  };

  // Adds a phrase (already split by phrase_words); returns its index.
  size_t add(std::vector<std::string> words);
  size_t size() const { return phrases_.size(); }

  // Left to right, the longest phrase at each position, matches never overlapping.
  std::vector<Match> longest_matches(const std::vector<std::string>& words) const;
  // Which phrases occur anywhere in `words` (overlaps allowed): one flag per phrase.
  std::vector<bool> occurring(const std::vector<std::string>& words) const;

 private:
  bool matches_at(const std::vector<std::string>& phrase, const std::vector<std::string>& words, size_t at) const;
  template <typename Each>
  void candidates(const std::string& word, Each each) const;

  std::vector<std::vector<std::string>> phrases_;
  std::unordered_map<std::string, std::vector<size_t>> by_first_word_;  // phrases starting with an exact word
  std::vector<size_t> wildcard_first_;                                  // phrases starting with a prefix*
};

}  // namespace shopkeep::analytics::support
