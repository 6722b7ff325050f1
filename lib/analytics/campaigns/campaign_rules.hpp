#pragma once
// The rules of the winback, refill and cross-sell campaigns, from the config's [email] table
// (shared defaults) and [email.CAMPAIGN] (per campaign), with documented defaults (docs/email.md).
// Cart recovery keeps its own [carts] table (analytics/carts/cart_config.hpp).
#include <chrono>
#include <string>
#include <vector>

#include "analytics/campaigns/campaign.hpp"
#include "analytics/campaigns/gate.hpp"
#include "analytics/campaigns/incentive.hpp"
#include "core/config.hpp"

namespace shopkeep::analytics::campaigns {

struct CampaignRules {
  GateRules gate;
  std::vector<std::chrono::seconds> steps;  // delays after the campaign's anchor
  std::vector<Incentive> incentives;        // one per step
  size_t items = 3;                         // products per message
  // winback: slipping away = an RFM segment in `segments`, or P(alive) below `max_p_alive` with a
  // recency score of at most `max_recency_score` and a monetary score of at least `min_monetary_score`
  // (valuable, and not recent by RFM either).
  std::vector<std::string> segments{"At Risk", "Can't Lose Them"};
  double max_p_alive = 0.3;
  int min_monetary_score = 3;
  int max_recency_score = 2;
  // refill: a product counts as a consumable when at least `min_repeat_customers` bought it again
  // and either the shop tags it `consumable_tag` (when the shop uses the tag at all) or the intervals
  // between its repeat purchases are regular (median absolute deviation / median at most this).
  double max_interval_spread = 0.5;
  int min_repeat_customers = 3;
  std::string consumable_tag = "consumable";
  // cross-sell: how long after the last step a first order still qualifies.
  std::chrono::seconds max_age{7 * 86400};

  Incentive incentive_for(int step) const;
};

// Throws a usage error naming the key for a bad value. Not for cart-recovery.
CampaignRules load_campaign_rules(const Config& config, Kind kind);

// "1h,24h,72h" -> delays, strictly increasing; a usage error naming `key` otherwise.
std::vector<std::chrono::seconds> parse_steps(const std::string& text, const std::string& key);
// "a, b,c" -> {"a", "b", "c"} (blanks dropped).
std::vector<std::string> split_list(const std::string& text);

}  // namespace shopkeep::analytics::campaigns
