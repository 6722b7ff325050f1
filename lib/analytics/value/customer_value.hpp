#pragma once
// `customers value`: BG/NBD + Gamma-Gamma fitted on the store, and per customer P(alive), expected
// purchases over the horizon, expected order value and the discounted CLV.
#include <nlohmann/json_fwd.hpp>

#include <optional>

#include "analytics/value/bgnbd.hpp"
#include "analytics/value/customer_summary.hpp"
#include "analytics/value/gamma_gamma.hpp"
#include "core/config.hpp"

namespace shopkeep::analytics::value {

struct ValueOptions {
  Instant now;
  double horizon_days = 365;
  double discount_rate = 0.01;   // per 30 days
  double penalty = 0;            // L2 penalty on the parameters (config value.penalty)
  double at_risk_p_alive = 0.3;  // config value.at_risk_p_alive
};

ValueOptions value_options(const Config& config, Instant now);

// The shop's typical wait between a customer's first and second purchase days, over its repeat
// buyers (nearest rank). BG/NBD cannot say whether a one-time buyer has lapsed (P(alive) is 1 for
// x = 0), so a one-time buyer is at risk once their order is older than the 90th percentile.
struct RepeatInterval {
  std::optional<std::int64_t> median_days, p90_days;  // none without repeat buyers
};
RepeatInterval repeat_interval(const std::vector<CustomerSummary>& customers);

struct ValueModel {
  BgNbdFit bgnbd;
  GammaGammaFit gamma_gamma;
  std::vector<CustomerSummary> customers;  // empty in a model from the cache
  std::int64_t customer_count = 0;         // customers the model was fitted on
  std::int64_t now_day = 0;
  std::int64_t repeat_buyers = 0;
  RepeatInterval repeat_interval;
};

// Throws a runtime error (exit 1) when there is too little data for a meaningful fit.
ValueModel fit_value_model(store::Db& db, const ValueOptions& options, const store::ShopSettings& shop);

// Discounted expected value over the horizon, in 30-day periods: the expected purchases of each
// period times the expected order value, divided by (1 + rate)^period.
double clv(const BgNbdParams& p, const Rfv& c, double expected_value, double horizon_days, double discount_rate);

// One customer's scores (cli.md `customers value --json`); money in minor units.
struct CustomerValue {
  std::int64_t customer_id = 0;
  std::string email;
  std::int64_t frequency = 0;  // purchase days - 1
  double recency_weeks = 0, age_weeks = 0;
  double p_alive = 0, expected_purchases = 0;  // over the horizon
  std::int64_t expected_avg_order_value = 0, clv = 0;
  std::int64_t days_since_purchase = 0;  // day of --now - last purchase day
  // Repeat buyers: p_alive below options.at_risk_p_alive. One-time buyers: days_since_purchase past
  // the shop's repeat_interval p90_days.
  bool at_risk = false;
  const char* at_risk_basis = "p_alive";  // or "repeat_interval" (one-time buyers)
};

CustomerValue score_customer(const ValueModel& model, const CustomerSummary& customer, const ValueOptions& options,
                             const store::ShopSettings& shop);
// Every customer of the model, by customer id.
std::vector<CustomerValue> customer_values(const ValueModel& model, const ValueOptions& options,
                                           const store::ShopSettings& shop);

// The model as it would be fitted on the store now, its parameters from the cache (model_cache)
// when no order changed since they were fitted with the same options; `customers` stays empty.
// For scoring a few customers (customer show) without refitting the shop on every call.
ValueModel cached_value_model(store::Db& db, const ValueOptions& options, const store::ShopSettings& shop);

// The `--model` object of cli.md.
nlohmann::ordered_json to_json(const ValueModel& model);
// One row of cli.md `customers value --json`.
nlohmann::ordered_json to_json(const CustomerValue& value, const store::ShopSettings& shop);

}  // namespace shopkeep::analytics::value
