// The fitted value model kept in the store (table model_cache), keyed by the state of the orders
// and the fit's options, so `customer show` refits only when something changed.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analytics/value/customer_value.hpp"

namespace shopkeep::analytics::value {

namespace {

constexpr const char* kModel = "bgnbd_gamma_gamma";

// Changes when any order is added, removed or re-synced, or another day/zone/penalty is asked for.
std::string cache_key(store::Db& db, const ValueOptions& options, const store::ShopSettings& shop) {
  store::Stmt s(db, "SELECT count(*), coalesce(max(synced_at), ''), total(id) FROM orders");
  s.step();
  // v2: the model also holds the repeat interval (one-time buyers' at_risk).
  return fmt::format("v2;orders={}/{}/{:.0f};day={};zone={};penalty={}", s.get_int(0), s.get_text(1), s.get_double(2),
                     local_day_number(options.now, shop.zone), shop.zone.name(), options.penalty);
}

nlohmann::json params_json(const ValueModel& m) {
  const auto& b = m.bgnbd;
  const auto& g = m.gamma_gamma;
  return {
      {"r", b.params.r},
      {"alpha", b.params.alpha},
      {"a", b.params.a},
      {"b", b.params.b},
      {"bgnbd_ll", b.log_likelihood},
      {"p", g.params.p},
      {"q", g.params.q},
      {"v", g.params.v},
      {"gamma_gamma_ll", g.log_likelihood},
      {"customers", m.customer_count},
      {"repeat_buyers", m.repeat_buyers},
      {"now_day", m.now_day},
      {"repeat_median_days", m.repeat_interval.median_days ? nlohmann::json(*m.repeat_interval.median_days) : nullptr},
      {"repeat_p90_days", m.repeat_interval.p90_days ? nlohmann::json(*m.repeat_interval.p90_days) : nullptr}};
}

ValueModel model_from(const nlohmann::json& j) {
  ValueModel m;
  m.bgnbd.params = {j.at("r"), j.at("alpha"), j.at("a"), j.at("b")};
  m.bgnbd.log_likelihood = j.at("bgnbd_ll");
  m.gamma_gamma.params = {j.at("p"), j.at("q"), j.at("v")};
  m.gamma_gamma.log_likelihood = j.at("gamma_gamma_ll");
  m.customer_count = j.at("customers");
  m.repeat_buyers = j.at("repeat_buyers");
  m.now_day = j.at("now_day");
  if (j.contains("repeat_median_days") && !j["repeat_median_days"].is_null())
    m.repeat_interval.median_days = j["repeat_median_days"].get<std::int64_t>();
  if (j.contains("repeat_p90_days") && !j["repeat_p90_days"].is_null())
    m.repeat_interval.p90_days = j["repeat_p90_days"].get<std::int64_t>();
  return m;
}

}  // namespace

ValueModel cached_value_model(store::Db& db, const ValueOptions& options, const store::ShopSettings& shop) {
  std::string key = cache_key(db, options, shop);
  store::Stmt find(db, "SELECT params FROM model_cache WHERE model = ?1 AND key = ?2");
  find.bind(1, kModel).bind(2, key);
  if (find.step()) return model_from(nlohmann::json::parse(find.get_text(0)));
  ValueModel model = fit_value_model(db, options, shop);
  model.customers.clear();
  store::Stmt save(db,
                   "INSERT INTO model_cache (model, key, params, fitted_at) VALUES (?1, ?2, ?3, ?4) "
                   "ON CONFLICT(model) DO UPDATE SET key = excluded.key, params = excluded.params, "
                   "fitted_at = excluded.fitted_at");
  save.bind(1, kModel).bind(2, key).bind(3, params_json(model).dump()).bind(4, format_rfc3339(options.now));
  save.run();
  return model;
}

}  // namespace shopkeep::analytics::value
