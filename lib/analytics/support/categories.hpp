#pragma once
// Ticket categories by rules: keywords and phrases in the subject and the requester's messages,
// Zendesk tags, the channel. The built-in rules cover the codes of cli.md; users edit them and add
// their own in the [support.categories.NAME] tables of the config (docs/support.md).
#include <string>
#include <vector>

#include "analytics/support/phrase_matcher.hpp"

namespace shopkeep {
class Config;
}

namespace shopkeep::analytics::support {

struct CategoryRule {
  std::string name;
  std::vector<std::string> keywords;  // phrases; a word ending in * matches any ending
  std::vector<std::string> tags;      // Zendesk tags; a trailing * matches any ending
  std::vector<std::string> channels;  // Zendesk via.channel values (email, web, chat, api, ...)
};

// The codes of cli.md in their tie-breaking order (specific issues first), "other" last (the fallback).
const std::vector<std::string>& builtin_category_names();
std::vector<CategoryRule> builtin_category_rules();

// The built-in rules with the config's changes: per [support.categories.NAME] table, `keywords`,
// `tags` and `channels` replace the rule's lists and `add_keywords` extends its keywords; a name
// that is not built in adds a category, which wins ties with the built-in ones.
std::vector<CategoryRule> category_rules(const Config& config);

// What a ticket offers the rules: the words of its subject and of its requester's messages (as
// matching_words gives them), its tags and its channel.
struct CategoryEvidence {
  std::vector<std::string> subject_words;
  std::vector<std::vector<std::string>> message_words;
  std::vector<std::string> tags;
  std::string channel;
};

class Categorizer {
 public:
  explicit Categorizer(std::vector<CategoryRule> rules);
  // The category with the most weight: 2 per keyword in the subject, 1 per keyword in the messages
  // (each keyword once), 3 per matching tag, 1 for the channel; ties go to the earlier rule, no
  // weight at all to "other".
  std::string categorize(const CategoryEvidence& evidence) const;
  const std::vector<CategoryRule>& rules() const { return rules_; }

 private:
  std::vector<CategoryRule> rules_;
  std::vector<PhraseMatcher> keywords_;  // one per rule
};

}  // namespace shopkeep::analytics::support
