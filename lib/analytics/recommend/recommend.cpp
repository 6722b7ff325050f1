#include "analytics/recommend/recommend.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "analytics/recommend/model.hpp"
#include "analytics/recommend/rules.hpp"
#include "core/error.hpp"
#include "privacy/suppression.hpp"

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

namespace {

Json rows_of(const std::vector<Scored>& recs, const Catalog& catalog, Method method) {
  Json rows = Json::array();
  for (const auto& r : recs) {
    Json row;
    row["product_id"] = catalog.product_id[r.item];
    row["handle"] = catalog.handle[r.item].empty() ? Json() : Json(catalog.handle[r.item]);
    row["title"] = catalog.title[r.item];
    row["score"] = std::round(r.score * 1e6) / 1e6;
    row["method"] = method_name(method);
    row["reason"] = r.reason;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<Item> find_product(const Catalog& catalog, const std::string& text) {
  if (!text.empty() && std::all_of(text.begin(), text.end(), ::isdigit)) {
    auto it = catalog.index.find(std::stoll(text));
    if (it != catalog.index.end()) return it->second;
  }
  for (size_t i = 0; i < catalog.size(); ++i)
    if (catalog.handle[i] == text) return static_cast<Item>(i);
  return std::nullopt;
}

std::optional<std::int64_t> find_customer(store::Db& db, const std::string& email) {
  store::Stmt s(db, "SELECT customer_id FROM people WHERE email = ?1 AND customer_id IS NOT NULL");
  s.bind(1, privacy::normalise_email(email));
  return s.step() ? std::optional(s.get_int(0)) : std::nullopt;
}

std::vector<Scored> for_customer(const Model& model, std::int64_t customer, Instant now, Method method, size_t k) {
  switch (method) {
    case Method::personal: return model.personal(customer, k);
    case Method::refill: return model.refill(customer, now, k);
    case Method::fbt: {
      const auto* basket = model.last_basket(customer);
      return basket ? model.fbt(*basket, k) : std::vector<Scored>{};
    }
    case Method::similar: {
      std::vector<Item> items;
      if (const auto* h = model.history(customer))
        for (const auto& [item, n] : *h) items.push_back(item);
      std::sort(items.begin(), items.end());
      return model.similar(items, k);
    }
  }
  return {};
}

}  // namespace

Json recommend_for_product(store::Db& db, Instant now, const std::string& product, Method method, size_t k) {
  if (method != Method::fbt && method != Method::similar)
    throw usage_error("--method " + std::string(method_name(method)) + " needs --customer",
                      "use fbt or similar with --product");
  auto data = load_purchases(db, now);
  auto item = find_product(data.catalog, product);
  if (!item) throw runtime_error("no product with id or handle '" + product + "' in the store");
  Model model(data.purchases, data.catalog);
  auto recs = method == Method::fbt ? model.fbt({*item}, k) : model.similar({*item}, k);
  return rows_of(recs, data.catalog, method);
}

Json recommend_for_customer(store::Db& db, Instant now, const std::string& email, Method method, size_t k) {
  auto customer = find_customer(db, email);
  if (!customer) throw runtime_error("no customer with email " + email + " in the store");
  auto data = load_purchases(db, now);
  Model model(data.purchases, data.catalog);
  return rows_of(for_customer(model, *customer, now, method, k), data.catalog, method);
}

void recommend_all(store::Db& db, Instant now, Method method, size_t k, const RowSink& sink) {
  auto data = load_purchases(db, now);
  Model model(data.purchases, data.catalog);
  if (method == Method::fbt || method == Method::similar) {
    for (size_t i = 0; i < data.catalog.size(); ++i) {
      if (!data.catalog.available[i]) continue;
      Item item = static_cast<Item>(i);
      auto recs = method == Method::fbt ? model.fbt({item}, k) : model.similar({item}, k);
      for (auto& row : rows_of(recs, data.catalog, method)) {
        Json out;
        out["for_product_id"] = data.catalog.product_id[i];
        for (auto& [key, value] : row.items()) out[key] = value;
        sink(out);
      }
    }
    return;
  }
  store::Stmt customers(db, "SELECT id, email FROM customers WHERE deleted_at IS NULL ORDER BY id");
  while (customers.step()) {
    std::int64_t id = customers.get_int(0);
    if (method == Method::personal && !model.history(id)) continue;  // nothing known about them yet
    for (auto& row : rows_of(for_customer(model, id, now, method, k), data.catalog, method)) {
      Json out;
      out["customer_id"] = id;
      out["email"] = customers.is_null(1) ? Json() : Json(customers.get_text(1));
      for (auto& [key, value] : row.items()) out[key] = value;
      sink(out);
    }
  }
}

Json rules(store::Db& db, Instant now, double min_support, double min_confidence, int max_length) {
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
  Json out = Json::array();
  for (const auto& r : association_rules(itemsets, n, min_confidence)) {
    Json antecedent = Json::array();
    for (Item i : r.antecedent) antecedent.push_back(data.catalog.title[i]);
    out.push_back({{"antecedent", antecedent},
                   {"consequent", data.catalog.title[r.consequent]},
                   {"support", r.support},
                   {"confidence", r.confidence},
                   {"lift", r.lift},
                   {"count", r.count}});
  }
  return out;
}

Json evaluate(store::Db& db, Instant now, size_t k) {
  auto data = load_purchases(db, now);
  // Each customer's last order is held out; everything else trains.
  std::unordered_map<std::int64_t, std::vector<size_t>> orders_of;
  for (size_t i = 0; i < data.purchases.size(); ++i)
    if (data.purchases[i].customer_id) orders_of[*data.purchases[i].customer_id].push_back(i);
  std::vector<std::pair<std::int64_t, size_t>> tests;  // customer, held-out purchase
  std::vector<bool> held_out(data.purchases.size(), false);
  for (const auto& [customer, orders] : orders_of)
    if (orders.size() >= 2) {
      tests.emplace_back(customer, orders.back());
      held_out[orders.back()] = true;
    }
  std::sort(tests.begin(), tests.end());
  std::vector<Purchase> training;
  for (size_t i = 0; i < data.purchases.size(); ++i)
    if (!held_out[i]) training.push_back(data.purchases[i]);
  ModelOptions options;
  options.only_available = false;  // judge the models, not today's stock
  Model model(training, data.catalog, options);

  const char* names[] = {"popularity", "own_history", "fbt", "similar", "personal", "refill"};
  Json methods = Json::array();
  for (const char* name : names) {
    double hits = 0, recall = 0;
    for (const auto& [customer, index] : tests) {
      const Purchase& held = data.purchases[index];
      std::string m = name;
      std::vector<Scored> recs = m == "popularity"    ? model.popularity(k)
                                 : m == "own_history" ? model.own_history(customer, k)
                                                      : for_customer(model, customer, held.at, parse_method(m), k);
      std::unordered_set<Item> shown;
      for (const auto& r : recs) shown.insert(r.item);
      std::size_t found = 0;
      for (Item i : held.items) found += shown.count(i);
      hits += found > 0;
      recall += held.items.empty() ? 0.0 : static_cast<double>(found) / static_cast<double>(held.items.size());
    }
    double n = static_cast<double>(std::max<size_t>(1, tests.size()));
    methods.push_back({{"method", name},
                       {"hit_rate", tests.empty() ? Json() : Json(hits / n)},
                       {"recall", tests.empty() ? Json() : Json(recall / n)}});
  }
  return {{"k", k}, {"test_customers", tests.size()}, {"methods", methods}};
}

}  // namespace shopkeep::analytics::recommend
