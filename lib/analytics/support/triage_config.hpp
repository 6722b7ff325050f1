#pragma once
// The [support] section of the config: escalation threshold and points, reply targets per
// priority, VIP segments, the lexicon file and the category rules (docs/support.md lists every key
// with its default).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/support/categories.hpp"
#include "analytics/support/shop_lexicon.hpp"

namespace shopkeep {
class Config;
}

namespace shopkeep::analytics::support {

// Points per escalation reason ([support.points]); the score is their sum, capped at 100.
struct Points {
  int negative_sentiment = 35;  // times -sentiment, for a negative latest message
  int worsening = 30;           // times the drop from the first to the latest message (at most 1)
  int zendesk_negative = 10, zendesk_very_negative = 20;                              // Zendesk's sentiment__* tags
  int threat = 40, safety = 40, security = 30, human = 20, repeat = 12, urgent = 10;  // lexicon signals
  int unanswered_message = 8;  // per requester message after the first without an answer (up to 3)
  int sla_breached = 20, sla_at_risk = 10;
  int clv_top_decile = 15, clv_top_quartile = 8, vip = 10;
  int order_top_decile = 10, order_above_median = 5;
  int other_ticket = 6;  // per other recent ticket by the same person (up to 3)
  int reopen = 10;       // per reopen (up to 2)
  int bad_csat = 20, recent_bad_csat = 10;
};

struct TriageConfig {
  int threshold = 30;
  Points points;
  // Hours until a reply is due, per priority (first and later replies alike); a ticket without a
  // priority counts as normal.
  std::map<std::string, double> reply_hours = {{"urgent", 1}, {"high", 4}, {"normal", 24}, {"low", 48}};
  double at_risk_fraction = 0.75;  // "due soon" from this share of the target
  std::vector<std::string> vip_segments = {"Champions", "Loyal", "Can't Lose Them"};
  std::vector<std::string> vip_tags = {"vip"};   // Shopify customer tags (case-insensitive)
  int repeat_window_days = 30;                   // other tickets by the same person
  int csat_window_days = 90;                     // their bad ratings of other tickets
  int order_window_days = 60;                    // their latest order counts as the one at stake
  std::optional<std::string> escalate_priority;  // --apply raises an escalated ticket's lower priority to this
  ShopLexicon lexicon = ShopLexicon::builtin();
  std::vector<CategoryRule> categories = builtin_category_rules();
};

// Throws a usage error naming the key for a bad value, and for a lexicon file that cannot be read
// or parsed. A relative support.lexicon path is relative to the config file's folder.
TriageConfig load_triage_config(const Config& config);

// "urgent" 4, "high" 3, "normal" 2, "low" 1, anything else 0.
int priority_rank(const std::string& priority);

}  // namespace shopkeep::analytics::support
