#pragma once
// The ecommerce lexicon on top of VADER: terms a shop's customers use when something went wrong
// ("never arrived", "chargeback"), with a valence that replaces VADER's for the words they cover and
// an optional signal (a threat, a safety issue...) that triage turns into an escalation reason.
// File format: data/support/ecommerce_lexicon.tsv (built in) and docs/support.md.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/support/phrase_matcher.hpp"
#include "analytics/support/vader.hpp"

namespace shopkeep::analytics::support {

enum class Signal { none, threat, safety, security, human, repeat, urgent };

// "threat", "safety", "security", "human", "repeat", "urgent" (none: "").
const char* signal_name(Signal s);
std::optional<Signal> parse_signal(std::string_view name);

struct LexiconTerm {
  std::string term;  // as written ("never arrived", "refund*")
  double valence = 0;
  Signal signal = Signal::none;
};

// A signal found in a message, with the words that raised it.
struct SignalHit {
  Signal signal;
  std::string term;  // as the message has them, lowercase ("chargeback" for the term "chargeback*")
};

// VADER's scores of a message with the shop lexicon applied, and the signals it raised.
struct MessageSentiment {
  Polarity polarity;
  std::vector<SignalHit> signals;
  std::vector<std::string> words;  // the message's words as phrases match them (matching_words)
};

class ShopLexicon {
 public:
  // Parses the lexicon format; `source` names the file in errors ("lexicon.tsv:12: ...", a usage
  // error, since the file is the user's configuration).
  static ShopLexicon parse(std::string_view text, const std::string& source);
  // The lexicon shipped inside the binary.
  static ShopLexicon builtin();

  // Adds `other`'s terms; a term already present takes the other's valence and signal.
  void extend(const ShopLexicon& other);
  const std::vector<LexiconTerm>& terms() const { return terms_; }

  // The message scored by VADER, then with each matched term's valence in place of VADER's (scaled
  // by the "but" rule and raised by ALL CAPS as VADER does for its own words).
  MessageSentiment score(const Vader& vader, std::string_view text) const;

 private:
  void add(LexiconTerm term);

  std::vector<LexiconTerm> terms_;
  PhraseMatcher matcher_;                          // phrase i is terms_[i]
  std::unordered_map<std::string, size_t> index_;  // a term's normalised words -> its index
};

}  // namespace shopkeep::analytics::support
