// winback: valuable customers slipping away, with personal recommendations.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "analytics/campaigns/customers.hpp"
#include "analytics/campaigns/planners.hpp"
#include "analytics/recommend/recommend.hpp"
#include "analytics/rfm.hpp"
#include "analytics/value/customer_value.hpp"
#include "core/error.hpp"
#include "core/money.hpp"

namespace shopkeep::analytics::campaigns {

namespace {

struct Value {
  double p_alive;
  std::int64_t clv;  // minor units
};

// P(alive) and CLV per customer, or nothing (with a warning) when the store is too small to fit
// the model: RFM alone then decides who is slipping away.
std::unordered_map<std::int64_t, Value> customer_values(store::Db& db, const Config& config,
                                                        const store::ShopSettings& shop, Instant now,
                                                        Reporter& reporter) {
  std::unordered_map<std::int64_t, Value> out;
  try {
    auto options = value::value_options(config, now);
    auto model = value::fit_value_model(db, options, shop);
    for (const auto& v : value::customer_values(model, options, shop)) out[v.customer_id] = {v.p_alive, v.clv};
  } catch (const Error& e) {
    reporter.warn(std::string("winback: no customer value model (") + e.what() + "); RFM segments alone decide");
  }
  return out;
}

std::unordered_map<std::int64_t, std::vector<std::int64_t>> personal_recommendations(store::Db& db,
                                                                                     const Config& config, Instant now,
                                                                                     size_t k) {
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> out;
  recommend::recommend_all(
      db, now, recommend::Method::personal, k,
      [&](const recommend::Json& row) {
        out[row["customer_id"].get<std::int64_t>()].push_back(row["product_id"].get<std::int64_t>());
      },
      recommend::recommend_options(db, config));
  return out;
}

}  // namespace

std::vector<PlanRow> plan_winback(store::Db& db, const Config& config, const store::ShopSettings& shop,
                                  const CampaignRules& input_rules, const PlanRequest& request, Reporter& reporter) {
  CampaignRules rules = input_rules;
  if (!config.get_number("email.winback.max_p_alive"))
    if (auto v = config.get_number("value.at_risk_p_alive")) rules.max_p_alive = *v;
  Gate gate(db, rules.gate, request.now);
  auto customers = load_customers(db, rules.gate.test_tag);
  auto values = customer_values(db, config, shop, request.now, reporter);
  auto recommendations = personal_recommendations(db, config, request.now, rules.items);
  Day today = shop.zone.local_day(request.now);

  struct Ranked {
    PlanRow row;
    std::int64_t clv;
  };
  std::vector<Ranked> ranked;
  for (const auto& rfm : rfm_scores(db, request.now, shop)) {
    std::int64_t id = rfm.customer_id;
    auto found = customers.find(id);
    if (found == customers.end()) continue;
    const auto& customer = found->second;
    PlanRow row;
    row.campaign = rules.gate.campaign;
    row.customer_id = id;
    row.email = customer.person.email;
    row.first_name = customer.first_name;
    row.segment = rfm.segment;
    Day last_order = today - std::chrono::days{rfm.recency_days};
    row.target_key = "customer:" + std::to_string(id) + ":since:" + format_date(last_order);
    auto value = values.find(id);
    bool has_value = value != values.end();
    int m = rfm.m;
    bool segment_match = std::find(rules.segments.begin(), rules.segments.end(), row.segment) != rules.segments.end();
    bool fading = has_value && value->second.p_alive < rules.max_p_alive && rfm.r <= rules.max_recency_score;
    row.detail = row.segment + ", last order " + format_date(last_order) +
                 (has_value ? fmt::format(", P(alive) {:.2f}, CLV {} {}", value->second.p_alive,
                                          format_minor_units(value->second.clv, shop.currency_exponent), shop.currency)
                            : std::string());
    std::int64_t clv = has_value ? value->second.clv : 0;

    std::optional<std::string> reason;
    if (customer.person.test) {
      reason = "test";
    } else if (auto address = gate.address_exclusion(customer.person)) {
      reason = address;
    } else if (!segment_match && !fading) {
      reason = "active";
    } else if (!segment_match && m < rules.min_monetary_score) {
      reason = "low_value";
    } else if (auto consent = gate.consent_exclusion(customer.person)) {
      reason = consent;
    }
    if (!reason) reason = gate.assign_due_step(row, rules.steps);
    if (reason) {
      row.reason = *reason;
      if (request.include_excluded) ranked.push_back({std::move(row), clv});
      continue;
    }
    auto recs = recommendations.find(id);
    if (recs != recommendations.end()) row.items = recs->second;
    row.incentive = rules.incentive_for(*row.step).text();
    gate.admit(row, customer.person);
    ranked.push_back({std::move(row), clv});
  }
  // The most valuable first, so that --limit reaches them before the others.
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.clv > b.clv; });
  std::vector<PlanRow> rows;
  rows.reserve(ranked.size());
  for (auto& r : ranked) rows.push_back(std::move(r.row));
  return rows;
}

}  // namespace shopkeep::analytics::campaigns
