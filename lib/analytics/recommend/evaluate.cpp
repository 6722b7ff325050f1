#include "analytics/recommend/evaluate.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

namespace shopkeep::analytics::recommend {

namespace {

struct TestCase {
  std::int64_t customer;
  Instant as_of;
  std::vector<Item> held_out;  // distinct
};

struct Split {
  std::vector<Purchase> training;
  std::vector<TestCase> tests;  // by customer id
};

// Customers' orders (indexes), oldest first.
std::map<std::int64_t, std::vector<size_t>> orders_by_customer(const std::vector<Purchase>& purchases) {
  std::map<std::int64_t, std::vector<size_t>> orders_of;
  for (size_t i = 0; i < purchases.size(); ++i)
    if (purchases[i].customer_id) orders_of[*purchases[i].customer_id].push_back(i);
  return orders_of;
}

Split hold_out_last(const std::vector<Purchase>& purchases) {
  Split split;
  std::vector<bool> held(purchases.size(), false);
  for (const auto& [customer, orders] : orders_by_customer(purchases))
    if (orders.size() >= 2) {
      const Purchase& last = purchases[orders.back()];
      split.tests.push_back({customer, last.at, last.items});
      held[orders.back()] = true;
    }
  for (size_t i = 0; i < purchases.size(); ++i)
    if (!held[i]) split.training.push_back(purchases[i]);
  return split;
}

std::vector<Purchase> without_last_orders(const std::vector<Purchase>& purchases) {
  std::vector<bool> last(purchases.size(), false);
  for (const auto& [customer, orders] : orders_by_customer(purchases)) last[orders.back()] = true;
  std::vector<Purchase> rest;
  for (size_t i = 0; i < purchases.size(); ++i)
    if (!last[i]) rest.push_back(purchases[i]);
  return rest;
}

Split split_at(const std::vector<Purchase>& purchases, Instant date) {
  Split split;
  std::map<std::int64_t, bool> before;
  std::map<std::int64_t, std::vector<Item>> after;
  for (const auto& p : purchases) {
    if (p.at < date) {
      split.training.push_back(p);
      if (p.customer_id) before[*p.customer_id] = true;
    } else if (p.customer_id) {
      auto& items = after[*p.customer_id];
      items.insert(items.end(), p.items.begin(), p.items.end());
    }
  }
  for (auto& [customer, items] : after) {
    if (!before.count(customer)) continue;  // nothing to learn them from
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    split.tests.push_back({customer, date, std::move(items)});
  }
  return split;
}

std::vector<Scored> recommend_with(const Model& model, const std::string& method, const TestCase& t, size_t k) {
  if (method == "popularity") return model.popularity(k);
  if (method == "own_history") return model.own_history(t.customer, k);
  if (method == "fbt") return model.fbt_for(t.customer, k);
  if (method == "similar") return model.similar_for(t.customer, k);
  if (method == "personal") return model.personal(t.customer, t.as_of, k);
  return model.refill(t.customer, t.as_of, k);
}

struct Totals {
  double hits = 0, recall = 0, ndcg = 0;
  std::int64_t shown = 0, repeats = 0;
};

void score(const std::vector<Scored>& recs, const TestCase& t, const Model& model, Totals& totals) {
  std::unordered_set<Item> held(t.held_out.begin(), t.held_out.end());
  std::size_t found = 0;
  double dcg = 0, ideal = 0;
  for (size_t r = 0; r < recs.size(); ++r) {
    if (held.count(recs[r].item)) ++found, dcg += 1.0 / std::log2(static_cast<double>(r) + 2);
    const auto* h = model.history(t.customer);
    bool owned = h && std::binary_search(h->begin(), h->end(), std::make_pair(recs[r].item, 0),
                                         [](const auto& a, const auto& b) { return a.first < b.first; });
    totals.repeats += owned;
  }
  for (size_t r = 0; r < std::min(recs.size(), t.held_out.size()); ++r)
    ideal += 1.0 / std::log2(static_cast<double>(r) + 2);
  totals.shown += static_cast<std::int64_t>(recs.size());
  totals.hits += found > 0;
  totals.recall += t.held_out.empty() ? 0.0 : static_cast<double>(found) / static_cast<double>(t.held_out.size());
  totals.ndcg += ideal > 0 ? dcg / ideal : 0.0;
}

const char* protocol_name(Protocol p) {
  switch (p) {
    case Protocol::last_order: return "last_order";
    case Protocol::validation: return "validation";
    case Protocol::split_date: return "split_date";
  }
  return "last_order";
}

}  // namespace

const std::vector<std::string>& evaluated_methods() {
  static const std::vector<std::string> names = {"popularity", "own_history", "fbt", "similar", "personal", "refill"};
  return names;
}

Evaluation evaluate_purchases(const PurchaseData& data, const EvaluateOptions& options) {
  Split split = options.protocol == Protocol::split_date   ? split_at(data.purchases, options.split_date)
                : options.protocol == Protocol::validation ? hold_out_last(without_last_orders(data.purchases))
                                                           : hold_out_last(data.purchases);
  ModelOptions model_options = options.model;
  model_options.only_available = false;
  Model model(split.training, data.catalog, model_options);
  Evaluation e;
  e.k = options.k;
  e.test_customers = split.tests.size();
  e.protocol = options.protocol;
  if (options.protocol == Protocol::split_date) e.split_date = options.split_date;
  for (const auto& name : evaluated_methods()) {
    Totals totals;
    for (const auto& t : split.tests) score(recommend_with(model, name, t, options.k), t, model, totals);
    MethodScore m{name, {}, {}, {}, {}, {}};
    if (!split.tests.empty()) {
      double n = static_cast<double>(split.tests.size());
      m.hit_rate = totals.hits / n;
      m.recall = totals.recall / n;
      m.ndcg = totals.ndcg / n;
      if (totals.shown > 0) {
        m.repeat_share = static_cast<double>(totals.repeats) / static_cast<double>(totals.shown);
        m.new_share = 1.0 - *m.repeat_share;
      }
    }
    e.methods.push_back(std::move(m));
  }
  return e;
}

void to_json(nlohmann::ordered_json& j, const Evaluation& e) {
  auto opt = [](const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(); };
  j = nlohmann::ordered_json::object();
  j["k"] = e.k;
  j["test_customers"] = e.test_customers;
  j["protocol"] = protocol_name(e.protocol);
  if (e.split_date) j["split_date"] = format_rfc3339(*e.split_date);
  auto methods = nlohmann::ordered_json::array();
  for (const auto& m : e.methods)
    methods.push_back({{"method", m.method},
                       {"hit_rate", opt(m.hit_rate)},
                       {"recall", opt(m.recall)},
                       {"ndcg", opt(m.ndcg)},
                       {"repeat_share", opt(m.repeat_share)},
                       {"new_share", opt(m.new_share)}});
  j["methods"] = std::move(methods);
}

}  // namespace shopkeep::analytics::recommend
