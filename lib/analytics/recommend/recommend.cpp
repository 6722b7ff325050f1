#include "analytics/recommend/recommend.hpp"

#include <algorithm>
#include <cmath>

#include "analytics/recommend/rules.hpp"
#include "core/error.hpp"
#include "privacy/suppression.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::recommend {

namespace {

constexpr Method kMethods[] = {Method::fbt, Method::similar, Method::personal, Method::refill};

}  // namespace

std::vector<std::string> method_names() {
  std::vector<std::string> names;
  for (Method m : kMethods) names.emplace_back(method_name(m));
  return names;
}

Method parse_method(const std::string& name) {
  for (Method m : kMethods)
    if (name == method_name(m)) return m;
  throw usage_error("--method: unknown method '" + name + "'", "choose fbt, similar, personal or refill");
}

const char* method_name(Method m) {
  switch (m) {
    case Method::fbt: return "fbt";
    case Method::similar: return "similar";
    case Method::personal: return "personal";
    case Method::refill: return "refill";
  }
  return "fbt";
}

void to_json(Json& j, const Recommendation& r) {
  j = Json::object();
  j["product_id"] = r.product_id;
  j["handle"] = r.handle.empty() ? Json() : Json(r.handle);
  j["title"] = r.title;
  j["score"] = std::round(r.score * 1e6) / 1e6;
  j["method"] = method_name(r.method);
  j["reason"] = r.reason;
  j["repeat"] = r.repeat;
}

void to_json(Json& j, const RecommendationRow& r) {
  j = Json::object();
  if (r.for_product_id) j["for_product_id"] = *r.for_product_id;
  if (r.customer_id) {
    j["customer_id"] = *r.customer_id;
    j["email"] = r.email ? Json(*r.email) : Json();
  }
  const auto& rec = r.recommendation;  // the fields of to_json(Recommendation), in the same order
  j["product_id"] = rec.product_id;
  j["handle"] = rec.handle.empty() ? Json() : Json(rec.handle);
  j["title"] = rec.title;
  j["score"] = std::round(rec.score * 1e6) / 1e6;
  j["method"] = method_name(rec.method);
  j["reason"] = rec.reason;
  j["repeat"] = rec.repeat;
}

Options recommend_options(store::Db& db, const Config& config) {
  Options options;
  auto& m = options.model;
  m.zone = store::load_shop_settings(db, config).zone;
  auto& p = m.next_basket;
  if (auto v = config.get_integer("recommend.trend_days")) p.trend_days = static_cast<int>(*v);
  if (auto v = config.get_number("recommend.trend_power")) p.trend_power = *v;
  if (auto v = config.get_number("recommend.recency_decay")) p.recency_decay = *v;
  if (auto v = config.get_number("recommend.min_confidence")) m.min_confidence = *v;
  if (auto v = config.get_integer("recommend.min_pair_count")) m.min_pair_count = static_cast<std::int32_t>(*v);
  if (auto v = config.get_integer("recommend.neighbours")) m.neighbours = static_cast<size_t>(*v);
  if (p.trend_days < 1) throw usage_error("recommend.trend_days must be at least 1");
  if (p.trend_power < 0) throw usage_error("recommend.trend_power must not be negative");
  if (p.recency_decay <= 0 || p.recency_decay > 1) throw usage_error("recommend.recency_decay must be in (0, 1]");
  if (m.min_confidence < 0 || m.min_confidence > 1) throw usage_error("recommend.min_confidence must be in [0, 1]");
  return options;
}

namespace {

std::optional<Item> find_product(const Catalog& catalog, const std::string& text) {
  if (!text.empty() && std::all_of(text.begin(), text.end(), ::isdigit)) {
    auto it = catalog.index.find(std::stoll(text));
    if (it != catalog.index.end()) return it->second;
  }
  for (size_t i = 0; i < catalog.size(); ++i)
    if (catalog.handle[i] == text) return static_cast<Item>(i);
  return std::nullopt;
}

std::vector<Scored> for_customer(const Model& model, std::int64_t customer, Instant now, Method method, size_t k) {
  switch (method) {
    case Method::personal: return model.personal(customer, now, k);
    case Method::refill: return model.refill(customer, now, k);
    case Method::fbt: return model.fbt_for(customer, k);
    case Method::similar: return model.similar_for(customer, k);
  }
  return {};
}

}  // namespace

struct Recommender::State {
  store::Db& db;
  Instant now;
  Options options;
  PurchaseData data;
  Model model;
  State(store::Db& d, Instant n, Options o)
      : db(d),
        now(n),
        options(std::move(o)),
        data(load_purchases(d, n)),
        model(data.purchases, data.catalog, options.model) {}

  std::vector<Recommendation> rows(const std::vector<Scored>& recs, Method method) const {
    std::vector<Recommendation> out;
    out.reserve(recs.size());
    for (const auto& r : recs)
      out.push_back({data.catalog.product_id[r.item], data.catalog.handle[r.item], data.catalog.title[r.item], r.score,
                     method, r.reason, r.repeat});
    return out;
  }
};

Recommender::Recommender(store::Db& db, Instant now, Options options)
    : state_(std::make_unique<State>(db, now, std::move(options))) {}
Recommender::~Recommender() = default;

std::vector<Recommendation> Recommender::for_product(const std::string& product, Method method, size_t k) const {
  if (method != Method::fbt && method != Method::similar)
    throw usage_error("--method " + std::string(method_name(method)) + " needs --customer",
                      "use fbt or similar with --product");
  auto item = find_product(state_->data.catalog, product);
  if (!item) throw runtime_error("no product with id or handle '" + product + "' in the store");
  const auto& model = state_->model;
  return state_->rows(method == Method::fbt ? model.fbt({*item}, k) : model.similar({*item}, k), method);
}

std::vector<Recommendation> Recommender::for_customer(std::int64_t customer_id, Method method, size_t k) const {
  return state_->rows(recommend::for_customer(state_->model, customer_id, state_->now, method, k), method);
}

void Recommender::for_all(Method method, size_t k, const std::function<void(const RecommendationRow&)>& sink) const {
  const auto& catalog = state_->data.catalog;
  if (method == Method::fbt || method == Method::similar) {
    for (size_t i = 0; i < catalog.size(); ++i) {
      if (!catalog.available[i]) continue;
      Item item = static_cast<Item>(i);
      auto recs = method == Method::fbt ? state_->model.fbt({item}, k) : state_->model.similar({item}, k);
      for (auto& rec : state_->rows(recs, method)) sink({std::nullopt, std::nullopt, catalog.product_id[i], rec});
    }
    return;
  }
  // Marketable: consent to marketing mail (SUBSCRIBED) and not on the suppression list.
  std::string sql = "SELECT id, email FROM customers WHERE deleted_at IS NULL";
  if (state_->options.marketable) sql += " AND email_marketing_state = 'SUBSCRIBED' AND email IS NOT NULL";
  store::Stmt customers(state_->db, sql + " ORDER BY id");
  privacy::SuppressionFilter suppressed(state_->db);
  while (customers.step()) {
    std::int64_t id = customers.get_int(0);
    if (!state_->model.knows(id)) continue;  // nothing known about them yet
    std::optional<std::string> email;
    if (!customers.is_null(1)) email = customers.get_text(1);
    if (state_->options.marketable && !suppressed.empty() &&
        (suppressed.id("shopify_customer", id) || (email && suppressed.email(*email))))
      continue;
    for (auto& rec : for_customer(id, method, k)) sink({id, email, std::nullopt, rec});
  }
}

std::optional<std::int64_t> find_customer(store::Db& db, const std::string& email) {
  store::Stmt s(db, "SELECT customer_id FROM people WHERE email = ?1 AND customer_id IS NOT NULL");
  s.bind(1, privacy::normalise_email(email));
  return s.step() ? std::optional(s.get_int(0)) : std::nullopt;
}

Json recommend_for_product(store::Db& db, Instant now, const std::string& product, Method method, size_t k,
                           const Options& options) {
  if (method != Method::fbt && method != Method::similar)
    throw usage_error("--method " + std::string(method_name(method)) + " needs --customer",
                      "use fbt or similar with --product");
  return Json(Recommender(db, now, options).for_product(product, method, k));
}

Json recommend_for_customer(store::Db& db, Instant now, const std::string& email, Method method, size_t k,
                            const Options& options) {
  auto customer = find_customer(db, email);
  if (!customer) throw runtime_error("no customer with email " + email + " in the store");
  return Json(Recommender(db, now, options).for_customer(*customer, method, k));
}

void recommend_all(store::Db& db, Instant now, Method method, size_t k, const RowSink& sink, const Options& options) {
  Recommender(db, now, options).for_all(method, k, [&](const RecommendationRow& row) { sink(Json(row)); });
}

void to_json(Json& j, const RuleRow& r) {
  j = Json{{"antecedent", r.antecedent},
           {"consequent", r.consequent},
           {"support", r.support},
           {"confidence", r.confidence},
           {"lift", r.lift},
           {"count", r.count},
           {"antecedent_ids", r.antecedent_ids},
           {"consequent_id", r.consequent_id}};
}

std::vector<RuleRow> association_rule_rows(store::Db& db, Instant now, double min_support, double min_confidence,
                                           int max_length) {
  if (min_support <= 0 || min_support > 1) throw usage_error("--min-support must be a fraction in (0, 1]");
  if (min_confidence < 0 || min_confidence > 1) throw usage_error("--min-confidence must be a fraction in [0, 1]");
  if (max_length < 2) throw usage_error("--max-length must be at least 2");
  auto data = load_purchases(db, now);
  std::vector<std::vector<Item>> baskets;
  baskets.reserve(data.purchases.size());
  for (const auto& p : data.purchases) baskets.push_back(p.items);
  auto n = static_cast<std::int64_t>(baskets.size());
  // Minimum count = ceil(S x baskets), computed so that 0.006 x 9835 = 59.01 gives 60.
  auto min_count = static_cast<std::int64_t>(std::ceil(min_support * static_cast<double>(n) - 1e-9));
  auto itemsets = frequent_itemsets(baskets, min_count, max_length);
  std::vector<RuleRow> out;
  const auto& catalog = data.catalog;
  for (const auto& r : association_rules(itemsets, n, min_confidence)) {
    RuleRow row;
    for (Item i : r.antecedent)
      row.antecedent.push_back(catalog.title[i]), row.antecedent_ids.push_back(catalog.product_id[i]);
    row.consequent = catalog.title[r.consequent];
    row.consequent_id = catalog.product_id[r.consequent];
    row.support = r.support, row.confidence = r.confidence, row.lift = r.lift, row.count = r.count;
    out.push_back(std::move(row));
  }
  return out;
}

Json rules(store::Db& db, Instant now, double min_support, double min_confidence, int max_length) {
  return Json(association_rule_rows(db, now, min_support, min_confidence, max_length));
}

Json evaluate(store::Db& db, Instant now, size_t k) {
  EvaluateOptions options;
  options.k = k;
  options.model = recommend_options(db, Config()).model;
  return Json(evaluate_purchases(load_purchases(db, now), options));
}

}  // namespace shopkeep::analytics::recommend
