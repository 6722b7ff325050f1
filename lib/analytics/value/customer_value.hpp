#pragma once
// `customers value`: BG/NBD + Gamma-Gamma fitted on the store, and per customer P(alive), expected
// purchases over the horizon, expected order value and the discounted CLV.
#include <nlohmann/json.hpp>

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

struct ValueModel {
  BgNbdFit bgnbd;
  GammaGammaFit gamma_gamma;
  std::vector<CustomerSummary> customers;
  std::int64_t now_day = 0;
  std::int64_t repeat_buyers = 0;
};

// Throws a runtime error (exit 1) when there is too little data for a meaningful fit.
ValueModel fit_value_model(store::Db& db, const ValueOptions& options, const store::ShopSettings& shop);

// Discounted expected value over the horizon, in 30-day periods: the expected purchases of each
// period times the expected order value, divided by (1 + rate)^period.
double clv(const BgNbdParams& p, const Rfv& c, double expected_value, double horizon_days, double discount_rate);

// The `--model` object of cli.md.
nlohmann::ordered_json model_json(const ValueModel& model, const store::ShopSettings& shop);
// One row per customer (cli.md `customers value --json`).
nlohmann::ordered_json customer_values(const ValueModel& model, const ValueOptions& options,
                                       const store::ShopSettings& shop);

}  // namespace shopkeep::analytics::value
