#include "analytics/campaigns/campaign_rules.hpp"

#include "core/error.hpp"
#include "core/time.hpp"

namespace shopkeep::analytics::campaigns {

namespace {

struct Defaults {
  const char* steps;
  const char* incentives;
};

Defaults defaults_of(Kind kind) {
  switch (kind) {
    case Kind::winback: return {"0d,7d", "none,10%"};  // a reminder a week later, with an offer
    case Kind::refill: return {"0d", "none"};
    case Kind::cross_sell: return {"14d", "none"};  // two weeks after the first order
    case Kind::cart_recovery: break;
  }
  return {"1h,24h,72h", "none,none,none"};
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return parts;
}

std::vector<std::chrono::seconds> parse_steps(const std::string& text, const std::string& key) {
  std::vector<std::chrono::seconds> steps;
  for (const auto& part : split_list(text)) steps.push_back(parse_duration(part, "config " + key));
  if (steps.empty()) throw usage_error("bad config " + key + ": at least one step delay is needed");
  for (size_t i = 1; i < steps.size(); ++i)
    if (steps[i] <= steps[i - 1]) throw usage_error("bad config " + key + ": delays must increase");
  return steps;
}

Incentive CampaignRules::incentive_for(int step) const {
  if (step < 1 || static_cast<size_t>(step) > incentives.size()) return {};
  return incentives[static_cast<size_t>(step) - 1];
}

CampaignRules load_campaign_rules(const Config& config, Kind kind) {
  CampaignRules r;
  std::string name = kind_name(kind);
  std::string own = "email." + name + ".";
  auto text = [&](const std::string& key) -> std::optional<std::string> {
    if (auto v = config.get_string(own + key)) return v;
    return std::nullopt;
  };
  auto number = [&](const std::string& key, bool shared) -> std::optional<double> {
    if (auto v = config.get_number(own + key)) return v;
    return shared ? config.get_number("email." + key) : std::nullopt;
  };
  r.gate.campaign = name;
  if (auto v = config.get_string(own + "frequency_cap")) {
    r.gate.frequency_cap = parse_duration(*v, "config " + own + "frequency_cap");
  } else if (auto shared = config.get_string("email.frequency_cap")) {
    r.gate.frequency_cap = parse_duration(*shared, "config email.frequency_cap");
  }
  if (auto v = number("holdout", true)) r.gate.holdout_percent = *v;
  if (r.gate.holdout_percent < 0 || r.gate.holdout_percent > 100)
    throw usage_error("bad config " + own + "holdout: a percentage from 0 to 100");
  if (auto v = config.get_string("email.test_tag")) r.gate.test_tag = *v;

  Defaults d = defaults_of(kind);
  r.steps = parse_steps(text("steps").value_or(d.steps), own + "steps");
  auto incentives = split_list(text("incentives").value_or(text("steps") ? "" : d.incentives));
  if (incentives.size() > r.steps.size())
    throw usage_error("bad config " + own + "incentives: more incentives than steps");
  for (const auto& i : incentives) r.incentives.push_back(parse_incentive(i, own + "incentives"));
  r.incentives.resize(r.steps.size());  // steps without one offer nothing

  if (auto v = number("items", false)) {
    if (*v < 1 || *v > 20) throw usage_error("bad config " + own + "items: 1 to 20 products");
    r.items = static_cast<size_t>(*v);
  }
  if (auto v = text("segments")) r.segments = split_list(*v);
  if (auto v = number("max_p_alive", false)) r.max_p_alive = *v;
  if (auto v = number("min_monetary_score", false)) r.min_monetary_score = static_cast<int>(*v);
  if (auto v = number("max_interval_spread", false)) r.max_interval_spread = *v;
  if (auto v = text("consumable_tag")) r.consumable_tag = *v;
  if (auto v = number("max_recency_score", false)) r.max_recency_score = static_cast<int>(*v);
  if (auto v = number("min_repeat_customers", false)) r.min_repeat_customers = static_cast<int>(*v);
  if (auto v = text("max_age")) r.max_age = parse_duration(*v, "config " + own + "max_age");
  return r;
}

}  // namespace shopkeep::analytics::campaigns
