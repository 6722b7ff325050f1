#include "analytics/support/customer_standing.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analytics/rfm.hpp"
#include "analytics/value/customer_value.hpp"
#include "core/error.hpp"
#include "core/money.hpp"

namespace shopkeep::analytics::support {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Customers whose Shopify tags (a JSON array) include one of `vip_tags`.
std::vector<std::int64_t> tagged_customers(store::Db& db, const std::vector<std::string>& vip_tags) {
  std::vector<std::int64_t> ids;
  if (vip_tags.empty()) return ids;
  std::vector<std::string> wanted;
  for (const auto& t : vip_tags) wanted.push_back(lower(t));
  store::Stmt s(db, "SELECT id, tags FROM customers WHERE deleted_at IS NULL AND tags IS NOT NULL AND tags <> '[]'");
  while (s.step()) {
    auto tags = nlohmann::json::parse(s.get_text(1), nullptr, false);
    if (!tags.is_array()) continue;
    for (const auto& tag : tags)
      if (tag.is_string() && std::find(wanted.begin(), wanted.end(), lower(tag.get<std::string>())) != wanted.end()) {
        ids.push_back(s.get_int(0));
        break;
      }
  }
  return ids;
}

}  // namespace

double percentile_below(const std::vector<std::int64_t>& sorted, std::int64_t value) {
  if (sorted.empty()) return 0;
  auto below = std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin();
  return 100.0 * static_cast<double>(below) / static_cast<double>(sorted.size());
}

CustomerStandings CustomerStandings::compute(store::Db& db, const Config& config, const store::ShopSettings& shop,
                                             Instant now, const std::vector<std::string>& vip_tags,
                                             Reporter& reporter) {
  CustomerStandings result;
  for (const auto& score : rfm_scores(db, now, shop)) result.by_customer_[score.customer_id].segment = score.segment;
  try {
    auto options = value::value_options(config, now);
    auto model = value::fit_value_model(db, options, shop);
    std::vector<std::pair<std::int64_t, std::int64_t>> clv;  // (customer, minor units)
    for (const auto& v : value::customer_values(model, options, shop)) clv.emplace_back(v.customer_id, v.clv);
    std::vector<std::int64_t> sorted;
    for (const auto& [_, v] : clv) sorted.push_back(v);
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [id, v] : clv) {
      auto& s = result.by_customer_[id];
      s.clv_percentile = percentile_below(sorted, v);
      s.clv = format_minor_units(v, shop.currency_exponent);
      s.currency = shop.currency;
    }
  } catch (const Error& e) {
    reporter.debug(std::string("support triage: no CLV for the customers: ") + e.what());
  }
  for (std::int64_t id : tagged_customers(db, vip_tags)) result.by_customer_[id].vip_tag = true;
  return result;
}

std::optional<CustomerStanding> CustomerStandings::find(std::int64_t customer_id) const {
  auto it = by_customer_.find(customer_id);
  if (it == by_customer_.end()) return std::nullopt;
  return it->second;
}

}  // namespace shopkeep::analytics::support
