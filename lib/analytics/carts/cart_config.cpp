#include "analytics/carts/cart_config.hpp"

#include "core/error.hpp"
#include "core/time.hpp"

namespace shopkeep::analytics::carts {

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
  if (text.size() >= 2 && text.back() == '%') {
    int n = 0;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') n = -1000;
      n = n * 10 + (text[i] - '0');
    }
    if (n > 0 && n <= 90) return {Incentive::Kind::percent, n};
  }
  throw usage_error("bad config " + key + " = '" + text + "'", "use none, free_shipping or a percentage like 10%");
}

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

CartConfig load_cart_config(const Config& config) {
  CartConfig c;
  auto duration = [&](const char* key, std::chrono::seconds& into) {
    if (auto v = config.get_string(key)) into = parse_duration(*v, std::string("config ") + key);
  };
  duration("carts.min_age", c.min_age);
  duration("carts.max_age", c.max_age);
  duration("carts.frequency_cap", c.frequency_cap);
  if (auto v = config.get_string("carts.steps")) {
    c.steps.clear();
    std::string text = *v;
    size_t start = 0;
    while (start <= text.size()) {
      size_t comma = text.find(',', start);
      std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      c.steps.push_back(parse_duration(part, "config carts.steps"));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    for (size_t i = 1; i < c.steps.size(); ++i)
      if (c.steps[i] <= c.steps[i - 1]) throw usage_error("bad config carts.steps: delays must increase");
  }
  if (auto v = config.get_bool("carts.transactional")) c.transactional = *v;
  if (auto v = config.get_number("carts.holdout")) c.holdout_percent = *v;
  if (auto v = config.get_number("carts.min_margin")) c.min_margin = *v;
  if (auto v = config.get_number("carts.deal_seeker_share")) c.deal_seeker_share = *v;
  if (auto v = config.get_string("carts.vip_segments")) {
    c.vip_segments.clear();
    for (size_t start = 0; start <= v->size();) {
      size_t comma = v->find(',', start);
      std::string part = v->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      while (!part.empty() && part.front() == ' ') part.erase(part.begin());
      if (!part.empty()) c.vip_segments.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
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
