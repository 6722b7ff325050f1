#include "analytics/support/shop_lexicon.hpp"

#include <algorithm>
#include <charconv>

#include "analytics/support/embedded_lexicons.hpp"
#include "analytics/support/python_str.hpp"
#include "core/error.hpp"

namespace shopkeep::analytics::support {

namespace {

constexpr double kCapsIncrease = 0.733;  // VADER's ALL CAPS emphasis

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (;;) {
    size_t tab = line.find('\t');
    fields.push_back(trim(line.substr(0, tab)));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

}  // namespace

const char* signal_name(Signal s) {
  switch (s) {
    case Signal::threat: return "threat";
    case Signal::safety: return "safety";
    case Signal::security: return "security";
    case Signal::human: return "human";
    case Signal::repeat: return "repeat";
    case Signal::urgent: return "urgent";
    case Signal::none: break;
  }
  return "";
}

std::optional<Signal> parse_signal(std::string_view name) {
  for (Signal s : {Signal::threat, Signal::safety, Signal::security, Signal::human, Signal::repeat, Signal::urgent})
    if (name == signal_name(s)) return s;
  return std::nullopt;
}

ShopLexicon ShopLexicon::parse(std::string_view text, const std::string& source) {
  ShopLexicon lexicon;
  size_t number = 0;
  while (!text.empty()) {
    ++number;
    size_t end = text.find('\n');
    std::string_view line = trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;
    auto where = source + ":" + std::to_string(number) + ": ";
    auto fields = split_tabs(line);
    if (fields.size() < 2 || fields.size() > 3)
      throw usage_error("bad lexicon " + where + "expected TERM<TAB>VALENCE[<TAB>SIGNAL]",
                        "fields are separated by tab characters");
    LexiconTerm term;
    term.term = std::string(fields[0]);
    if (phrase_words(term.term).empty()) throw usage_error("bad lexicon " + where + "the term has no words");
    auto [ptr, ec] = std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), term.valence);
    if (ec != std::errc() || ptr != fields[1].data() + fields[1].size() || term.valence < -4 || term.valence > 4)
      throw usage_error("bad lexicon " + where + "valence '" + std::string(fields[1]) + "' is not a number in -4..4");
    if (fields.size() == 3 && !fields[2].empty()) {
      auto signal = parse_signal(fields[2]);
      if (!signal)
        throw usage_error("bad lexicon " + where + "unknown signal '" + std::string(fields[2]) + "'",
                          "signals: threat, safety, security, human, repeat, urgent");
      term.signal = *signal;
    }
    lexicon.add(std::move(term));
  }
  return lexicon;
}

ShopLexicon ShopLexicon::builtin() {
  static const ShopLexicon lexicon = parse(ecommerce_lexicon_text(), "ecommerce_lexicon.tsv (built in)");
  return lexicon;
}

void ShopLexicon::add(LexiconTerm term) {
  auto words = phrase_words(term.term);
  std::string key;
  for (const auto& w : words) key += w + " ";
  auto [it, fresh] = index_.try_emplace(key, terms_.size());
  if (!fresh) {
    terms_[it->second].valence = term.valence;
    terms_[it->second].signal = term.signal;
    return;
  }
  terms_.push_back(std::move(term));
  matcher_.add(std::move(words));
}

void ShopLexicon::extend(const ShopLexicon& other) {
  for (const auto& t : other.terms_) add(t);
}

MessageSentiment ShopLexicon::score(const Vader& vader, std::string_view text) const {
  MessageSentiment result;
  ValenceAnalysis a = vader.analyse(text);
  auto words = matching_words(a.lower_words);
  auto but = std::find(a.lower_words.begin(), a.lower_words.end(), "but");
  size_t bi = static_cast<size_t>(but - a.lower_words.begin());
  for (const auto& m : matcher_.longest_matches(words)) {
    const LexiconTerm& term = terms_[m.phrase];
    double v = term.valence;
    bool caps = std::all_of(a.words.begin() + static_cast<std::ptrdiff_t>(m.first),
                            a.words.begin() + static_cast<std::ptrdiff_t>(m.first + m.count),
                            [](const std::u32string& w) { return python_str::is_upper(w); });
    if (caps && a.cap_differential && v != 0) v += v > 0 ? kCapsIncrease : -kCapsIncrease;
    if (but != a.lower_words.end()) v *= m.first < bi ? 0.5 : m.first > bi ? 1.5 : 1.0;
    for (size_t k = 0; k < m.count; ++k) a.valences[m.first + k] = k == 0 ? v : 0.0;
    if (term.signal != Signal::none) {
      std::string said;  // the words as the message has them, not the term's pattern
      for (size_t k = 0; k < m.count; ++k) said += (k ? " " : "") + words[m.first + k];
      result.signals.push_back({term.signal, said});
    }
  }
  result.polarity = score_valences(a.valences, a.punctuation_emphasis);
  result.words = std::move(words);
  return result;
}

}  // namespace shopkeep::analytics::support
