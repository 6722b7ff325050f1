#include "analytics/value/customer_value.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/money.hpp"

#include <nlohmann/json.hpp>

namespace shopkeep::analytics::value {

namespace {
constexpr std::int64_t kMinimumRepeatBuyers = 10;
constexpr std::int64_t kMinimumCustomers = 20;

Rfv rfv_of(const CustomerSummary& s, std::int64_t now_day) {
  return {s.frequency(), s.recency_weeks(), s.age_weeks(now_day)};
}

double round_to(double v, int digits) {
  double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}
}  // namespace

RepeatInterval repeat_interval(const std::vector<CustomerSummary>& customers) {
  std::vector<std::int64_t> gaps;
  for (const auto& c : customers)
    if (c.second_day) gaps.push_back(*c.second_day - c.first_day);
  RepeatInterval interval;
  if (gaps.empty()) return interval;
  std::sort(gaps.begin(), gaps.end());
  auto nearest_rank = [&](double q) {
    auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(gaps.size())));
    return gaps[std::clamp<size_t>(rank, 1, gaps.size()) - 1];
  };
  interval.median_days = nearest_rank(0.5);
  interval.p90_days = nearest_rank(0.9);
  return interval;
}

ValueOptions value_options(const Config& config, Instant now) {
  ValueOptions o;
  o.now = now;
  if (auto v = config.get_number_in("value.penalty", 0)) o.penalty = *v;
  if (auto v = config.get_number_in("value.at_risk_p_alive", 0, 1)) o.at_risk_p_alive = *v;
  return o;
}

ValueModel fit_value_model(store::Db& db, const ValueOptions& options, const store::ShopSettings& shop) {
  ValueModel model;
  model.customers = customer_summaries(db, options.now, shop);
  model.now_day = local_day_number(options.now, shop.zone);
  std::vector<Rfv> rfv;
  std::vector<SpendSummary> spend;
  for (const auto& c : model.customers) {
    rfv.push_back(rfv_of(c, model.now_day));
    if (c.purchase_days > 1) {
      ++model.repeat_buyers;
      spend.push_back({c.frequency(), c.repeat_mean(shop.currency_exponent)});
    }
  }
  if (static_cast<std::int64_t>(model.customers.size()) < kMinimumCustomers ||
      model.repeat_buyers < kMinimumRepeatBuyers)
    throw runtime_error("too little data to fit a customer-value model: " + std::to_string(model.customers.size()) +
                            " customers with orders, " + std::to_string(model.repeat_buyers) + " of them repeat buyers",
                        "at least " + std::to_string(kMinimumCustomers) + " customers and " +
                            std::to_string(kMinimumRepeatBuyers) + " repeat buyers before --now are needed");
  model.customer_count = static_cast<std::int64_t>(model.customers.size());
  model.repeat_interval = repeat_interval(model.customers);
  model.bgnbd = fit_bgnbd(rfv, options.penalty);
  model.gamma_gamma = fit_gamma_gamma(spend, options.penalty);
  if (model.gamma_gamma.params.q <= 1)
    throw runtime_error("the spend model does not fit this data (q <= 1: infinite mean order value)",
                        "try a penalty (config value.penalty = 0.001)");
  return model;
}

double clv(const BgNbdParams& p, const Rfv& c, double expected_value, double horizon_days, double discount_rate) {
  double total = 0, previous = 0;
  int periods = static_cast<int>(std::ceil(horizon_days / 30.0));
  for (int k = 1; k <= periods; ++k) {
    double end_days = std::min(30.0 * k, horizon_days);
    double expected = conditional_expected_purchases(p, c, end_days / 7.0);
    total += (expected - previous) * expected_value / std::pow(1.0 + discount_rate, k);
    previous = expected;
  }
  return total;
}

nlohmann::ordered_json to_json(const ValueModel& m) {
  nlohmann::ordered_json j;
  const auto& b = m.bgnbd.params;
  const auto& g = m.gamma_gamma.params;
  j["bgnbd"] = {{"r", b.r}, {"alpha", b.alpha}, {"a", b.a}, {"b", b.b}, {"log_likelihood", m.bgnbd.log_likelihood}};
  j["gamma_gamma"] = {{"p", g.p}, {"q", g.q}, {"v", g.v}, {"log_likelihood", m.gamma_gamma.log_likelihood}};
  j["time_unit"] = "week";
  j["customers"] = m.customer_count;
  j["repeat_buyers"] = m.repeat_buyers;
  auto days = [](const std::optional<std::int64_t>& d) {
    return d ? nlohmann::ordered_json(*d) : nlohmann::ordered_json();
  };
  j["repeat_interval_days"] = {{"median", days(m.repeat_interval.median_days)},
                               {"p90", days(m.repeat_interval.p90_days)}};
  j["calibration_end"] = format_date(Day{std::chrono::days{m.now_day}});
  return j;
}

CustomerValue score_customer(const ValueModel& m, const CustomerSummary& c, const ValueOptions& o,
                             const store::ShopSettings& shop) {
  Rfv rfv = rfv_of(c, m.now_day);
  double value = conditional_expected_spend(m.gamma_gamma.params, {rfv.x, c.repeat_mean(shop.currency_exponent)});
  CustomerValue v;
  v.customer_id = c.customer_id;
  v.email = c.email;
  v.frequency = c.purchase_days - 1;
  v.recency_weeks = round_to(rfv.t_x, 4);
  v.age_weeks = round_to(rfv.T, 4);
  double alive = p_alive(m.bgnbd.params, rfv);
  v.p_alive = round_to(alive, 6);
  v.expected_purchases = round_to(conditional_expected_purchases(m.bgnbd.params, rfv, o.horizon_days / 7.0), 6);
  v.expected_avg_order_value = round_to_minor_units(value, shop.currency_exponent);
  v.clv =
      round_to_minor_units(clv(m.bgnbd.params, rfv, value, o.horizon_days, o.discount_rate), shop.currency_exponent);
  v.days_since_purchase = m.now_day - c.last_day;
  if (c.purchase_days > 1) {
    v.at_risk = alive < o.at_risk_p_alive;
  } else {
    v.at_risk_basis = "repeat_interval";
    v.at_risk = m.repeat_interval.p90_days && v.days_since_purchase > *m.repeat_interval.p90_days;
  }
  return v;
}

std::vector<CustomerValue> customer_values(const ValueModel& m, const ValueOptions& o,
                                           const store::ShopSettings& shop) {
  std::vector<CustomerValue> out;
  out.reserve(m.customers.size());
  for (const auto& c : m.customers) out.push_back(score_customer(m, c, o, shop));
  return out;
}

nlohmann::ordered_json to_json(const CustomerValue& v, const store::ShopSettings& shop) {
  nlohmann::ordered_json row;
  row["customer_id"] = v.customer_id;
  row["email"] = v.email.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(v.email);
  row["frequency"] = v.frequency;
  row["recency_weeks"] = v.recency_weeks;
  row["age_weeks"] = v.age_weeks;
  row["p_alive"] = v.p_alive;
  row["expected_purchases"] = v.expected_purchases;
  row["expected_avg_order_value"] = format_minor_units(v.expected_avg_order_value, shop.currency_exponent);
  row["clv"] = format_minor_units(v.clv, shop.currency_exponent);
  row["currency"] = shop.currency;
  row["at_risk"] = v.at_risk;
  row["at_risk_basis"] = v.at_risk_basis;
  row["days_since_purchase"] = v.days_since_purchase;
  return row;
}

}  // namespace shopkeep::analytics::value
