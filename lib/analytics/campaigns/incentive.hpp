#pragma once
// What a message offers: nothing, free shipping, or a percentage off; and the discount code that
// redeems it (config [email.discount_codes], e.g. percent_10 = "COMEBACK10", free_shipping = "SHIPFREE").
#include <optional>
#include <string>

#include "core/config.hpp"

namespace shopkeep::analytics::campaigns {

struct Incentive {
  enum class Kind { none, free_shipping, percent } kind = Kind::none;
  int percent = 0;
  std::string text() const;  // "none", "free_shipping", "10%"
  bool offered() const { return kind != Kind::none; }
};

// "none", "free_shipping", "N%" (1..90); a usage error naming `key` otherwise.
Incentive parse_incentive(const std::string& text, const std::string& key);

// The config key naming the code of an incentive: "percent_10", "free_shipping"; empty for none.
std::string discount_code_key(const Incentive& incentive);

// The code for `incentive` in campaign `campaign`: [email.CAMPAIGN.discount_codes] first, then
// [email.discount_codes]; nullopt when none is configured (or nothing is offered).
std::optional<std::string> discount_code(const Config& config, const std::string& campaign, const Incentive& incentive);

}  // namespace shopkeep::analytics::campaigns
