#include "analytics/support/phrase_matcher.hpp"

#include "analytics/support/python_str.hpp"

namespace shopkeep::analytics::support {

namespace {

bool ascii_punctuation(char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

bool word_matches(const std::string& pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*')
    return word.size() >= pattern.size() - 1 &&
           word.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return pattern == word;
}

}  // namespace

std::string normalise_word(std::string_view lower_word) {
  std::string word;
  word.reserve(lower_word.size());
  for (size_t i = 0; i < lower_word.size(); ++i) {
    // U+2018 and U+2019 (E2 80 98/99), the apostrophes phones and word processors type.
    if (i + 2 < lower_word.size() && lower_word[i] == '\xE2' && lower_word[i + 1] == '\x80' &&
        (lower_word[i + 2] == '\x98' || lower_word[i + 2] == '\x99')) {
      word += '\'';
      i += 2;
    } else {
      word += lower_word[i];
    }
  }
  size_t begin = 0, end = word.size();
  while (begin < end && ascii_punctuation(word[begin])) ++begin;
  while (end > begin && ascii_punctuation(word[end - 1])) --end;
  return word.substr(begin, end - begin);
}

std::vector<std::string> matching_words(const std::vector<std::string>& lower_words) {
  std::vector<std::string> words;
  words.reserve(lower_words.size());
  for (const auto& w : lower_words) words.push_back(normalise_word(w));
  return words;
}

std::vector<std::string> phrase_words(std::string_view phrase) {
  std::vector<std::string> words;
  for (const auto& w : python_str::split(python_str::decode_utf8(phrase))) {
    std::string lowered = python_str::lower(w);
    bool wildcard = !lowered.empty() && lowered.back() == '*';
    if (wildcard) lowered.pop_back();
    std::string normalised = normalise_word(lowered);
    if (!normalised.empty()) words.push_back(wildcard ? normalised + "*" : normalised);
  }
  return words;
}

size_t PhraseMatcher::add(std::vector<std::string> words) {
  size_t index = phrases_.size();
  if (!words.empty()) {
    if (words.front().back() == '*')
      wildcard_first_.push_back(index);
    else
      by_first_word_[words.front()].push_back(index);
  }
  phrases_.push_back(std::move(words));
  return index;
}

bool PhraseMatcher::matches_at(const std::vector<std::string>& phrase, const std::vector<std::string>& words,
                               size_t at) const {
  if (phrase.empty() || at + phrase.size() > words.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k)
    if (!word_matches(phrase[k], words[at + k])) return false;
  return true;
}

template <typename Each>
void PhraseMatcher::candidates(const std::string& word, Each each) const {
  if (auto it = by_first_word_.find(word); it != by_first_word_.end())
    for (size_t p : it->second) each(p);
  for (size_t p : wildcard_first_) each(p);
}

std::vector<PhraseMatcher::Match> PhraseMatcher::longest_matches(const std::vector<std::string>& words) const {
  std::vector<Match> matches;
  for (size_t at = 0; at < words.size();) {
    Match best;
    candidates(words[at], [&](size_t p) {
      if (phrases_[p].size() > best.count && matches_at(phrases_[p], words, at)) best = {at, phrases_[p].size(), p};
    });
    if (best.count == 0) {
      ++at;
      continue;
    }
    matches.push_back(best);
    at += best.count;
  }
  return matches;
}

std::vector<bool> PhraseMatcher::occurring(const std::vector<std::string>& words) const {
  std::vector<bool> found(phrases_.size(), false);
  for (size_t at = 0; at < words.size(); ++at)
    candidates(words[at], [&](size_t p) {
      if (!found[p] && matches_at(phrases_[p], words, at)) found[p] = true;
    });
  return found;
}

}  // namespace shopkeep::analytics::support
