#include "analytics/carts/cart_config.hpp"

#include "analytics/campaigns/campaign_rules.hpp"
#include "core/error.hpp"
#include "core/time.hpp"

namespace shopkeep::analytics::carts {

namespace {

// Defaults: nothing on the early steps; on the last, a discount for new customers and deal
// seekers, free shipping for returning customers, and nothing for VIPs, who come back anyway.
std::map<std::string, Incentive> default_incentives(int last_step) {
  std::string last = std::to_string(last_step);
  return {{"new." + last, {Incentive::Kind::percent, 10}},
          {"returning." + last, {Incentive::Kind::free_shipping, 0}},
          {"deal_seeker." + last, {Incentive::Kind::percent, 10}}};
}

}  // namespace

Incentive CartConfig::incentive_for(const std::string& type, bool deal_seeker, int step) const {
  std::string s = std::to_string(step);
  if (deal_seeker && type != "vip") {
    auto it = incentives.find("deal_seeker." + s);
    if (it != incentives.end()) return it->second;
  }
  auto it = incentives.find(type + "." + s);
  return it != incentives.end() ? it->second : Incentive{};
}

campaigns::GateRules CartConfig::gate_rules(const std::string& name) const {
  campaigns::GateRules rules;
  rules.campaign = name;
  rules.transactional = transactional;
  rules.frequency_cap = frequency_cap;
  rules.holdout_percent = holdout_percent;
  rules.test_tag = test_tag;
  return rules;
}

CartConfig load_cart_config(const Config& config) {
  CartConfig c;
  auto duration = [&](const char* key, std::chrono::seconds& into) {
    if (auto v = config.get_string(key)) into = parse_duration(*v, std::string("config ") + key);
  };
  duration("carts.min_age", c.min_age);
  duration("carts.max_age", c.max_age);
  duration("carts.frequency_cap", c.frequency_cap);
  if (auto v = config.get_string("carts.steps")) c.steps = campaigns::parse_steps(*v, "carts.steps");
  if (auto v = config.get_bool("carts.transactional")) c.transactional = *v;
  if (auto v = config.get_number_in("carts.holdout", 0, 100)) c.holdout_percent = *v;
  if (auto v = config.get_number_in("carts.min_margin", 0, 1)) c.min_margin = *v;
  if (auto v = config.get_number_in("carts.deal_seeker_share", 0, 1)) c.deal_seeker_share = *v;
  if (auto v = config.get_string("carts.vip_segments")) c.vip_segments = campaigns::split_list(*v);
  if (auto v = config.get_string("carts.test_tag")) c.test_tag = *v;
  int last = static_cast<int>(c.steps.size());
  c.incentives = default_incentives(last);
  for (const char* type : {"new", "returning", "vip", "deal_seeker"})
    for (int step = 1; step <= last; ++step) {
      std::string key = std::string("carts.incentives.") + type + "_" + std::to_string(step);
      if (auto v = config.get_string(key)) {
        auto incentive = parse_incentive(*v, key);
        if (incentive.kind == Incentive::Kind::percent && step != last)
          throw usage_error("bad config " + key + ": discounts are kept for the last step (" + std::to_string(last) +
                            ")");
        c.incentives[std::string(type) + "." + std::to_string(step)] = incentive;
      }
    }
  if (c.holdout_percent < 0 || c.holdout_percent > 100) throw usage_error("bad config carts.holdout: 0..100");
  return c;
}

}  // namespace shopkeep::analytics::carts
