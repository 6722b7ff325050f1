#pragma once
// VADER sentiment (Hutto & Gilbert 2014), reproducing the reference implementation
// (vaderSentiment.py, MIT licence) rule for rule, quirks included: its lexicon and emoji lexicon,
// negation within three words, boosters and dampeners, "but", ALL CAPS emphasis, "!" and "?"
// amplification, "least", the special-case idioms, and the compound score normalised with alpha 15.
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace shopkeep::analytics::support {

// VADER's four scores, unrounded: compound in -1..1; pos + neu + neg = 1 (or all 0 for no words).
struct Polarity {
  double compound = 0, pos = 0, neu = 0, neg = 0;
};

// What VADER saw in one text: its words, as the reference splits them, and each word's valence
// after every rule ("but" included). Other lexicons can adjust `valences` before scoring.
struct ValenceAnalysis {
  std::vector<std::u32string> words;
  std::vector<std::string> lower_words;  // str.lower() of each word, UTF-8
  std::vector<double> valences;          // one per word
  double punctuation_emphasis = 0;       // from "!" and "?" in the text
  bool cap_differential = false;         // some words, not all, are ALL CAPS
};

class Vader {
 public:
  // The lexicons in the reference's file formats (TOKEN<TAB>MEAN<TAB>..., EMOJI<TAB>DESCRIPTION).
  Vader(std::string_view lexicon, std::string_view emoji_lexicon);

  // The lexicons shipped inside the binary, parsed once.
  static const Vader& standard();

  ValenceAnalysis analyse(std::string_view utf8_text) const;
  Polarity polarity_scores(std::string_view utf8_text) const;
  bool in_lexicon(const std::string& lower_word) const { return lexicon_.count(lower_word) > 0; }
  size_t lexicon_size() const { return lexicon_.size(); }

 private:
  std::u32string replace_emojis(const std::u32string& text) const;
  double word_valence(const ValenceAnalysis& a, const std::vector<const double*>& lexicon_value, size_t i,
                      bool cap_differential) const;

  std::unordered_map<std::string, double> lexicon_;
  std::unordered_map<char32_t, std::u32string> emojis_;  // single code points only: the reference
                                                         // looks emojis up one character at a time
  char32_t smallest_emoji_ = 0x10FFFF;
};

// The reference's score_valence: the compound and the pos/neu/neg proportions of word valences.
Polarity score_valences(const std::vector<double>& valences, double punctuation_emphasis);

// VADER's normalisation of a valence sum into -1..1: x / sqrt(x^2 + alpha).
double normalize_valence(double sum, double alpha = 15);

// True when the (lowercase) word negates what follows it, by VADER's list or an "n't".
bool vader_negation(std::string_view lower_word);

// Python's round(value, digits) of a float: the correctly rounded decimal, ties to even.
double python_round(double value, int digits);

// As the reference returns them: compound to 4 decimals, pos, neu and neg to 3.
Polarity rounded_as_reference(const Polarity& p);

}  // namespace shopkeep::analytics::support
