#include "analytics/support/vader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include "analytics/support/embedded_lexicons.hpp"
#include "analytics/support/python_str.hpp"
#include "core/error.hpp"

namespace shopkeep::analytics::support {

namespace {

namespace py = python_str;

// The reference's constants: empirically derived intensity changes.
constexpr double kBoosterIncrease = 0.293, kBoosterDecrease = -0.293;
constexpr double kCapsIncrease = 0.733;
constexpr double kNegationScalar = -0.74;

const std::unordered_set<std::string_view>& negation_words() {
  static const std::unordered_set<std::string_view> words = {
      "aint",    "arent",    "cannot",  "cant",    "couldnt", "darent",   "didnt",   "doesnt",    "ain't",    "aren't",
      "can't",   "couldn't", "daren't", "didn't",  "doesn't", "dont",     "hadnt",   "hasnt",     "havent",   "isnt",
      "mightnt", "mustnt",   "neither", "don't",   "hadn't",  "hasn't",   "haven't", "isn't",     "mightn't", "mustn't",
      "neednt",  "needn't",  "never",   "none",    "nope",    "nor",      "not",     "nothing",   "nowhere",  "oughtnt",
      "shant",   "shouldnt", "uhuh",    "wasnt",   "werent",  "oughtn't", "shan't",  "shouldn't", "uh-uh",    "wasn't",
      "weren't", "without",  "wont",    "wouldnt", "won't",   "wouldn't", "rarely",  "seldom",    "despite"};
  return words;
}

// Degree adverbs: boosters raise the intensity of the next sentiment word, dampeners lower it.
const std::unordered_map<std::string_view, double>& boosters() {
  static const std::unordered_map<std::string_view, double> words = [] {
    std::unordered_map<std::string_view, double> m;
    for (const char* w :
         {"absolutely",    "amazingly",  "awfully",   "completely", "considerable", "considerably", "decidedly",
          "deeply",        "effing",     "enormous",  "enormously", "entirely",     "especially",   "exceptional",
          "exceptionally", "extreme",    "extremely", "fabulously", "flipping",     "flippin",      "frackin",
          "fracking",      "fricking",   "frickin",   "frigging",   "friggin",      "fully",        "fuckin",
          "fucking",       "fuggin",     "fugging",   "greatly",    "hella",        "highly",       "hugely",
          "incredible",    "incredibly", "intensely", "major",      "majorly",      "more",         "most",
          "particularly",  "purely",     "quite",     "really",     "remarkably",   "so",           "substantially",
          "thoroughly",    "total",      "totally",   "tremendous", "tremendously", "uber",         "unbelievably",
          "unusually",     "utter",      "utterly",   "very"})
      m[w] = kBoosterIncrease;
    for (const char* w :
         {"almost",   "barely", "hardly",   "just enough", "kind of",    "kinda",        "kindof", "kind-of",
          "less",     "little", "marginal", "marginally",  "occasional", "occasionally", "partly", "scarce",
          "scarcely", "slight", "slightly", "somewhat",    "sort of",    "sorta",        "sortof", "sort-of"})
      m[w] = kBoosterDecrease;
    return m;
  }();
  return words;
}

// Idioms and phrases containing lexicon words, whose valence replaces the word's.
const std::unordered_map<std::string_view, double>& special_cases() {
  static const std::unordered_map<std::string_view, double> phrases = {
      {"the shit", 3},    {"the bomb", 3},         {"bad ass", 1.5},  {"badass", 1.5},        {"bus stop", 0.0},
      {"yeah right", -2}, {"kiss of death", -1.5}, {"to die for", 3}, {"beating heart", 3.1}, {"broken heart", -2.9}};
  return phrases;
}

const double* find_in(const std::unordered_map<std::string_view, double>& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

double parse_number(std::string_view text, size_t line) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw runtime_error("VADER lexicon line " + std::to_string(line) + ": '" + std::string(text) + "' is not a number");
  return value;
}

// The reference's line handling: split on '\n', strip each line, take the first two tab fields.
template <typename Each>
void for_each_entry(std::string_view text, bool skip_empty, Each each) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  size_t line = 0;
  while (true) {
    ++line;
    size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    if (!(skip_empty && raw.empty())) {
      std::u32string decoded = py::decode_utf8(raw);
      std::u32string_view stripped = py::strip(decoded);
      size_t tab = stripped.find(U'\t');
      if (tab == std::u32string_view::npos)
        throw runtime_error("VADER lexicon line " + std::to_string(line) + " has no tab");
      std::u32string_view rest = stripped.substr(tab + 1);
      each(stripped.substr(0, tab), rest.substr(0, rest.find(U'\t')), line);
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

bool all_caps_differential(const std::vector<std::u32string>& words) {
  size_t caps =
      static_cast<size_t>(std::count_if(words.begin(), words.end(), [](const auto& w) { return py::is_upper(w); }));
  size_t others = words.size() - caps;
  return others > 0 && others < words.size();
}

// The scalar a preceding booster or dampener adds to `valence`.
double scalar_inc_dec(const std::u32string& word, const std::string& lower, double valence, bool cap_differential) {
  const double* b = find_in(boosters(), lower);
  if (b == nullptr) return 0.0;
  double scalar = *b;
  if (valence < 0) scalar *= -1;
  if (py::is_upper(word) && cap_differential) scalar += valence > 0 ? kCapsIncrease : -kCapsIncrease;
  return scalar;
}

double negation_check(double valence, const std::vector<std::string>& w, int start_i, size_t i) {
  if (start_i == 0) {
    if (vader_negation(w[i - 1])) valence *= kNegationScalar;
  } else if (start_i == 1) {
    if (w[i - 2] == "never" && (w[i - 1] == "so" || w[i - 1] == "this"))
      valence *= 1.25;
    else if (w[i - 2] == "without" && w[i - 1] == "doubt")
      ;  // "without a doubt" is not a negation
    else if (vader_negation(w[i - 2]))
      valence *= kNegationScalar;
  } else {
    // As the reference's operator precedence has it: (never and (so or this)) or (so or this).
    if ((w[i - 3] == "never" && (w[i - 2] == "so" || w[i - 2] == "this")) || (w[i - 1] == "so" || w[i - 1] == "this"))
      valence *= 1.25;
    else if (w[i - 3] == "without" && (w[i - 2] == "doubt" || w[i - 1] == "doubt"))
      ;
    else if (vader_negation(w[i - 3]))
      valence *= kNegationScalar;
  }
  return valence;
}

double special_idioms_check(double valence, const std::vector<std::string>& w, size_t i) {
  std::string onezero = w[i - 1] + " " + w[i];
  std::string twoonezero = w[i - 2] + " " + w[i - 1] + " " + w[i];
  std::string twoone = w[i - 2] + " " + w[i - 1];
  std::string threetwoone = w[i - 3] + " " + w[i - 2] + " " + w[i - 1];
  std::string threetwo = w[i - 3] + " " + w[i - 2];
  for (const std::string* seq : {&onezero, &twoonezero, &twoone, &threetwoone, &threetwo})
    if (const double* v = find_in(special_cases(), *seq)) {
      valence = *v;
      break;
    }
  if (w.size() - 1 > i)
    if (const double* v = find_in(special_cases(), w[i] + " " + w[i + 1])) valence = *v;
  if (w.size() - 1 > i + 1)
    if (const double* v = find_in(special_cases(), w[i] + " " + w[i + 1] + " " + w[i + 2])) valence = *v;
  for (const std::string* gram : {&threetwoone, &threetwo, &twoone})
    if (const double* b = find_in(boosters(), *gram)) valence += *b;
  return valence;
}

// The reference's "but" rule, including its use of list.index(value): each step rescales the first
// word whose valence equals the current one, which for repeated values need not be the current word.
void but_check(const std::vector<std::string>& w, std::vector<double>& valences) {
  auto but = std::find(w.begin(), w.end(), "but");
  if (but == w.end()) return;
  size_t bi = static_cast<size_t>(but - w.begin());
  for (size_t k = 0; k < valences.size(); ++k) {
    double v = valences[k];
    size_t si = static_cast<size_t>(std::find(valences.begin(), valences.end(), v) - valences.begin());
    if (si < bi)
      valences[si] = v * 0.5;
    else if (si > bi)
      valences[si] = v * 1.5;
  }
}

double punctuation_emphasis(const std::u32string& text) {
  auto ep = std::min<std::ptrdiff_t>(std::count(text.begin(), text.end(), U'!'), 4);
  double amplifier = static_cast<double>(ep) * 0.292;
  auto qm = std::count(text.begin(), text.end(), U'?');
  if (qm > 1) amplifier += qm <= 3 ? static_cast<double>(qm) * 0.18 : 0.96;
  return amplifier;
}

}  // namespace

bool vader_negation(std::string_view lower_word) {
  return negation_words().count(lower_word) > 0 || lower_word.find("n't") != std::string_view::npos;
}

double normalize_valence(double sum, double alpha) {
  double norm = sum / std::sqrt(sum * sum + alpha);
  return std::clamp(norm, -1.0, 1.0);
}

Vader::Vader(std::string_view lexicon, std::string_view emoji_lexicon) {
  for_each_entry(lexicon, true, [this](std::u32string_view word, std::u32string_view measure, size_t line) {
    lexicon_[py::encode_utf8(word)] = parse_number(py::encode_utf8(measure), line);
  });
  for_each_entry(emoji_lexicon, false, [this](std::u32string_view emoji, std::u32string_view description, size_t) {
    if (emoji.size() == 1) emojis_[emoji[0]] = std::u32string(description);
  });
  for (const auto& [c, _] : emojis_) smallest_emoji_ = std::min(smallest_emoji_, c);
}

const Vader& Vader::standard() {
  static const Vader vader(vader_lexicon_text(), emoji_lexicon_text());
  return vader;
}

std::u32string Vader::replace_emojis(const std::u32string& text) const {
  std::u32string out;
  out.reserve(text.size());
  bool previous_space = true;
  for (char32_t c : text) {
    auto it = c < smallest_emoji_ ? emojis_.end() : emojis_.find(c);  // most text is ASCII
    if (it != emojis_.end()) {
      if (!previous_space) out += U' ';
      out += it->second;
      previous_space = false;
    } else {
      out += c;
      previous_space = c == U' ';
    }
  }
  return out;
}

double Vader::word_valence(const ValenceAnalysis& a, const std::vector<const double*>& lexicon_value, size_t i,
                           bool cap_differential) const {
  const auto& w = a.lower_words;
  if (lexicon_value[i] == nullptr) return 0;
  const double lexicon_valence = *lexicon_value[i];
  double valence = lexicon_valence;
  auto in_lex = [&](size_t k) { return lexicon_value[k] != nullptr; };
  // "no" before another lexicon word negates it rather than counting itself.
  if (w[i] == "no" && i != w.size() - 1 && in_lex(i + 1)) valence = 0.0;
  if ((i > 0 && w[i - 1] == "no") || (i > 1 && w[i - 2] == "no") ||
      (i > 2 && w[i - 3] == "no" && (w[i - 1] == "or" || w[i - 1] == "nor")))
    valence = lexicon_valence * kNegationScalar;
  if (py::is_upper(a.words[i]) && cap_differential) valence += valence > 0 ? kCapsIncrease : -kCapsIncrease;
  for (int start_i = 0; start_i < 3; ++start_i) {
    size_t back = static_cast<size_t>(start_i) + 1;
    if (i > static_cast<size_t>(start_i) && !in_lex(i - back)) {
      double s = scalar_inc_dec(a.words[i - back], w[i - back], valence, cap_differential);
      if (start_i == 1 && s != 0) s *= 0.95;
      if (start_i == 2 && s != 0) s *= 0.9;
      valence += s;
      valence = negation_check(valence, w, start_i, i);
      if (start_i == 2) valence = special_idioms_check(valence, w, i);
    }
  }
  // "least" negates, but not in "at least" or "very least".
  if (i > 1 && !in_lex(i - 1) && w[i - 1] == "least") {
    if (w[i - 2] != "at" && w[i - 2] != "very") valence *= kNegationScalar;
  } else if (i > 0 && !in_lex(i - 1) && w[i - 1] == "least") {
    valence *= kNegationScalar;
  }
  return valence;
}

ValenceAnalysis Vader::analyse(std::string_view utf8_text) const {
  ValenceAnalysis a;
  std::u32string text(py::strip(replace_emojis(py::decode_utf8(utf8_text))));
  // Words keep inner punctuation; leading and trailing punctuation goes unless that leaves two
  // characters or fewer (then it was probably an emoticon such as ":)").
  for (auto& token : py::split(text)) {
    std::u32string_view stripped = py::strip_punctuation(token);
    a.words.push_back(stripped.size() <= 2 ? token : std::u32string(stripped));
  }
  for (const auto& word : a.words) a.lower_words.push_back(py::lower(word));
  bool cap_differential = all_caps_differential(a.words);
  a.cap_differential = cap_differential;
  const auto& w = a.lower_words;
  // Each word's lexicon entry, looked up once: the rules ask about the same words many times.
  std::vector<const double*> lexicon_value(w.size(), nullptr);
  for (size_t i = 0; i < w.size(); ++i)
    if (auto it = lexicon_.find(w[i]); it != lexicon_.end()) lexicon_value[i] = &it->second;
  for (size_t i = 0; i < w.size(); ++i) {
    bool modifier = boosters().count(w[i]) > 0 || (i < w.size() - 1 && w[i] == "kind" && w[i + 1] == "of");
    a.valences.push_back(modifier ? 0.0 : word_valence(a, lexicon_value, i, cap_differential));
  }
  but_check(w, a.valences);
  a.punctuation_emphasis = punctuation_emphasis(text);
  return a;
}

Polarity Vader::polarity_scores(std::string_view utf8_text) const {
  auto a = analyse(utf8_text);
  return score_valences(a.valences, a.punctuation_emphasis);
}

Polarity score_valences(const std::vector<double>& valences, double emphasis) {
  Polarity p;
  if (valences.empty()) return p;
  double sum = 0;
  for (double v : valences) sum += v;
  if (sum > 0)
    sum += emphasis;
  else if (sum < 0)
    sum -= emphasis;
  p.compound = normalize_valence(sum);
  // Neutral words count 1 each; sentiment words 1 + |valence|, so they outweigh the neutral ones.
  double pos_sum = 0, neg_sum = 0, neutral = 0;
  for (double v : valences) {
    if (v > 0) pos_sum += v + 1;
    if (v < 0) neg_sum += v - 1;
    if (v == 0) neutral += 1;
  }
  if (pos_sum > std::fabs(neg_sum))
    pos_sum += emphasis;
  else if (pos_sum < std::fabs(neg_sum))
    neg_sum -= emphasis;
  double total = pos_sum + std::fabs(neg_sum) + neutral;
  p.pos = std::fabs(pos_sum / total);
  p.neg = std::fabs(neg_sum / total);
  p.neu = std::fabs(neutral / total);
  return p;
}

double python_round(double value, int digits) {
  if (!std::isfinite(value)) return value;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);  // correctly rounded, ties to even
  return std::strtod(buffer, nullptr);
}

Polarity rounded_as_reference(const Polarity& p) {
  return {python_round(p.compound, 4), python_round(p.pos, 3), python_round(p.neu, 3), python_round(p.neg, 3)};
}

}  // namespace shopkeep::analytics::support
