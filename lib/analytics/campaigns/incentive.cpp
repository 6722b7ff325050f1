#include "analytics/campaigns/incentive.hpp"

#include "core/error.hpp"

namespace shopkeep::analytics::campaigns {

std::string Incentive::text() const {
  switch (kind) {
    case Kind::none: return "none";
    case Kind::free_shipping: return "free_shipping";
    case Kind::percent: return std::to_string(percent) + "%";
  }
  return "none";
}

Incentive parse_incentive(const std::string& text, const std::string& key) {
  if (text == "none") return {};
  if (text == "free_shipping") return {Incentive::Kind::free_shipping, 0};
  if (text.size() >= 2 && text.size() <= 3 && text.back() == '%') {
    int n = 0;
    bool digits = true;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') digits = false;
      n = n * 10 + (text[i] - '0');
    }
    if (digits && n > 0 && n <= 90) return {Incentive::Kind::percent, n};
  }
  throw usage_error("bad config " + key + " = '" + text + "'", "use none, free_shipping or a percentage like 10%");
}

std::string discount_code_key(const Incentive& incentive) {
  switch (incentive.kind) {
    case Incentive::Kind::none: return "";
    case Incentive::Kind::free_shipping: return "free_shipping";
    case Incentive::Kind::percent: return "percent_" + std::to_string(incentive.percent);
  }
  return "";
}

std::optional<std::string> discount_code(const Config& config, const std::string& campaign,
                                         const Incentive& incentive) {
  std::string key = discount_code_key(incentive);
  if (key.empty()) return std::nullopt;
  if (auto code = config.get_string("email." + campaign + ".discount_codes." + key)) return code;
  return config.get_string("email.discount_codes." + key);
}

}  // namespace shopkeep::analytics::campaigns
