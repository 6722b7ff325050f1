#pragma once
// Cart-recovery rules, from the config's [carts] table with documented defaults.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "analytics/campaigns/gate.hpp"
#include "analytics/campaigns/incentive.hpp"
#include "core/config.hpp"

namespace shopkeep::analytics::carts {

using campaigns::Incentive;
using campaigns::parse_incentive;

struct CartConfig {
  std::chrono::seconds min_age{3600};
  std::chrono::seconds max_age{7 * 86400};
  std::vector<std::chrono::seconds> steps{std::chrono::seconds{3600}, std::chrono::seconds{86400},
                                          std::chrono::seconds{3 * 86400}};
  std::chrono::seconds frequency_cap{86400};  // no message if any campaign mailed them this recently
  bool transactional = false;                 // true: recovery mail also without marketing consent
  double holdout_percent = 10;
  double min_margin = 0.2;         // a discount never leaves less than this share of the price as margin
  double deal_seeker_share = 0.5;  // share of past orders with a discount code
  std::vector<std::string> vip_segments{"Champions"};  // RFM segments that make a customer a VIP
  std::string test_tag = "test";                       // customers with this tag are test data
  // "<type>.<step>" -> incentive, type new / returning / vip / deal_seeker (overrides the type).
  std::map<std::string, Incentive> incentives;

  Incentive incentive_for(const std::string& customer_type, bool deal_seeker, int step) const;
  // The shared campaign rules (consent, frequency cap, holdout, test tag) of campaign `name`.
  campaigns::GateRules gate_rules(const std::string& name) const;
};

// Reads [carts]; throws a usage error for bad values (a discount before the last step included).
CartConfig load_cart_config(const Config& config);

}  // namespace shopkeep::analytics::carts
