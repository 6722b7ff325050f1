#include "analytics/support/categories.hpp"

#include <algorithm>

#include "analytics/support/embedded_lexicons.hpp"
#include "core/config.hpp"
#include "core/error.hpp"

namespace shopkeep::analytics::support {

namespace {

std::vector<std::string> lower_all(std::vector<std::string> values) {
  for (auto& v : values)
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return values;
}

bool tag_matches(const std::string& pattern, const std::string& tag) {
  if (!pattern.empty() && pattern.back() == '*') return tag.rfind(pattern.substr(0, pattern.size() - 1), 0) == 0;
  return pattern == tag;
}

}  // namespace

const std::vector<std::string>& builtin_category_names() {
  // Ties go to the earlier category: the specific issues (money back, money taken, a login) before
  // the broad ones that every ticket touches (an order, a question, a complaint).
  static const std::vector<std::string> names = {"returns",      "payment",          "account",   "shipping",
                                                 "order_status", "product_question", "complaint", "other"};
  return names;
}

namespace {

// Applies one config's [support.categories.*] tables to `rules`.
void apply_category_tables(const Config& config, std::vector<CategoryRule>& rules) {
  for (const auto& name : config.table_keys("support.categories")) {
    bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!valid)
      throw usage_error("bad config " + config.path().string() + ": category name '" + name +
                            "' must be lowercase letters, digits and _",
                        "it becomes the Zendesk tag shopkeep_category_NAME");
    auto it = std::find_if(rules.begin(), rules.end(), [&](const CategoryRule& r) { return r.name == name; });
    if (it == rules.end()) {
      // A category of the user's own is the most specific: it goes first and wins ties.
      it = rules.insert(rules.begin(), CategoryRule{name, {}, {}, {}});
    }
    std::string key = "support.categories." + name + ".";
    if (auto v = config.get_string_list(key + "keywords")) it->keywords = *v;
    if (auto v = config.get_string_list(key + "add_keywords"))
      it->keywords.insert(it->keywords.end(), v->begin(), v->end());
    if (auto v = config.get_string_list(key + "tags")) it->tags = lower_all(*v);
    if (auto v = config.get_string_list(key + "channels")) it->channels = lower_all(*v);
  }
}

}  // namespace

std::vector<CategoryRule> builtin_category_rules() {
  static const std::vector<CategoryRule> builtin = [] {
    std::vector<CategoryRule> rules;
    for (const auto& name : builtin_category_names()) rules.push_back({name, {}, {}, {}});
    apply_category_tables(Config::parse(category_rules_text(), "categories.toml (built in)"), rules);
    return rules;
  }();
  return builtin;
}

std::vector<CategoryRule> category_rules(const Config& config) {
  auto rules = builtin_category_rules();
  apply_category_tables(config, rules);
  return rules;
}

Categorizer::Categorizer(std::vector<CategoryRule> rules) : rules_(std::move(rules)) {
  for (const auto& rule : rules_) {
    PhraseMatcher m;
    for (const auto& k : rule.keywords) m.add(phrase_words(k));
    keywords_.push_back(std::move(m));
  }
}

std::string Categorizer::categorize(const CategoryEvidence& e) const {
  size_t best = rules_.size();
  int best_weight = 0;
  auto tags = lower_all(e.tags);
  std::string channel = lower_all({e.channel}).front();
  for (size_t r = 0; r < rules_.size(); ++r) {
    const auto& rule = rules_[r];
    auto in_subject = keywords_[r].occurring(e.subject_words);
    std::vector<bool> in_messages(keywords_[r].size(), false);
    for (const auto& words : e.message_words) {
      auto found = keywords_[r].occurring(words);
      for (size_t k = 0; k < found.size(); ++k) in_messages[k] = in_messages[k] || found[k];
    }
    int weight = 0;
    for (size_t k = 0; k < in_subject.size(); ++k) weight += (in_subject[k] ? 2 : 0) + (in_messages[k] ? 1 : 0);
    for (const auto& pattern : rule.tags)
      for (const auto& tag : tags)
        if (tag_matches(pattern, tag)) weight += 3;
    if (!channel.empty() && std::find(rule.channels.begin(), rule.channels.end(), channel) != rule.channels.end())
      weight += 1;
    if (weight > best_weight) best = r, best_weight = weight;
  }
  return best < rules_.size() ? rules_[best].name : "other";
}

}  // namespace shopkeep::analytics::support
