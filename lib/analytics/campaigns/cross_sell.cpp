// cross-sell: some days after a first order, the products frequently bought together with it that
// the customer does not own yet.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "analytics/campaigns/customers.hpp"
#include "analytics/campaigns/planners.hpp"
#include "analytics/recommend/recommend.hpp"

namespace shopkeep::analytics::campaigns {

namespace {

struct FirstOrder {
  std::int64_t customer_id, order_id;
  std::string ordered_at;
  std::int64_t orders;  // counted orders before now, this one included
};

// Customers whose first counted order lies within the campaign window (not older than the last
// step plus max_age), oldest first.
std::vector<FirstOrder> first_orders(store::Db& db, Instant now, Instant oldest) {
  std::vector<FirstOrder> out;
  store::Stmt s(db,
                "WITH firsts AS (SELECT customer_id, min(ordered_at) AS first_at, count(*) AS n FROM counted_orders "
                "  WHERE customer_id IS NOT NULL AND ordered_at < ?1 GROUP BY customer_id) "
                "SELECT f.customer_id, (SELECT o.id FROM counted_orders o WHERE o.customer_id = f.customer_id "
                "  AND o.ordered_at = f.first_at ORDER BY o.id LIMIT 1), f.first_at, f.n "
                "FROM firsts f WHERE f.first_at >= ?2 ORDER BY f.first_at, f.customer_id");
  s.bind(1, format_rfc3339(now)).bind(2, format_rfc3339(oldest));
  while (s.step()) out.push_back({s.get_int(0), s.get_int(1), s.get_text(2), s.get_int(3)});
  return out;
}

using Scores = std::vector<std::pair<std::int64_t, double>>;

std::unordered_map<std::int64_t, Scores> bought_together(store::Db& db, Instant now) {
  std::unordered_map<std::int64_t, Scores> out;
  recommend::recommend_all(db, now, recommend::Method::fbt, 10, [&](const recommend::Json& row) {
    out[row["for_product_id"].get<std::int64_t>()].emplace_back(row["product_id"].get<std::int64_t>(),
                                                                row["score"].get<double>());
  });
  return out;
}

class Products {
 public:
  Products(store::Db& db, Instant now)
      : of_order_(db, "SELECT DISTINCT product_id FROM order_lines WHERE order_id = ?1 AND product_id IS NOT NULL"),
        owned_(db,
               "SELECT DISTINCT l.product_id FROM counted_orders o JOIN order_lines l ON l.order_id = o.id "
               "WHERE o.customer_id = ?1 AND o.ordered_at < ?2 AND l.product_id IS NOT NULL"),
        now_(format_rfc3339(now)) {}
  std::vector<std::int64_t> of_order(std::int64_t order_id) {
    of_order_.reset();
    of_order_.bind(1, order_id);
    std::vector<std::int64_t> out;
    while (of_order_.step()) out.push_back(of_order_.get_int(0));
    return out;
  }
  std::unordered_set<std::int64_t> owned(std::int64_t customer_id) {
    owned_.reset();
    owned_.bind(1, customer_id).bind(2, now_);
    std::unordered_set<std::int64_t> out;
    while (owned_.step()) out.insert(owned_.get_int(0));
    return out;
  }

 private:
  store::Stmt of_order_, owned_;
  std::string now_;
};

// The fbt lists of the order's products merged by summed score, what they own left out.
std::vector<std::int64_t> suggestions(const std::unordered_map<std::int64_t, Scores>& together,
                                      const std::vector<std::int64_t>& basket,
                                      const std::unordered_set<std::int64_t>& owned, size_t k) {
  std::unordered_map<std::int64_t, double> score;
  for (std::int64_t p : basket)
    if (auto it = together.find(p); it != together.end())
      for (const auto& [other, s] : it->second)
        if (!owned.count(other)) score[other] += s;
  std::vector<std::pair<std::int64_t, double>> ranked(score.begin(), score.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<std::int64_t> out;
  for (size_t i = 0; i < ranked.size() && i < k; ++i) out.push_back(ranked[i].first);
  return out;
}

}  // namespace

std::vector<PlanRow> plan_cross_sell(store::Db& db, const store::ShopSettings&, const CampaignRules& rules,
                                     const PlanRequest& request) {
  Gate gate(db, rules.gate, request.now);
  auto customers = load_customers(db, rules.gate.test_tag);
  auto together = bought_together(db, request.now);
  Products products(db, request.now);
  std::vector<PlanRow> rows;
  for (const auto& first : first_orders(db, request.now, request.now - rules.steps.back() - rules.max_age)) {
    auto found = customers.find(first.customer_id);
    if (found == customers.end()) continue;
    const auto& customer = found->second;
    PlanRow row;
    row.campaign = rules.gate.campaign;
    row.target_key = "order:" + std::to_string(first.order_id);
    row.customer_id = first.customer_id;
    row.email = customer.person.email;
    row.first_name = customer.first_name;
    row.detail = "first order " + first.ordered_at.substr(0, 10);
    std::optional<std::string> reason = gate.person_exclusion(customer.person);
    int step = due_step(*parse_rfc3339(first.ordered_at), request.now, rules.steps);
    if (!reason && first.orders > 1) reason = "ordered_since";
    if (!reason && step == 0) reason = "not_due";
    if (!reason) {
      row.items =
          suggestions(together, products.of_order(first.order_id), products.owned(first.customer_id), rules.items);
      if (row.items.empty()) reason = "no_recommendations";
    }
    if (!reason) reason = gate.contact_exclusion(row.target_key, step, row.email);
    if (reason) {
      row.reason = *reason;
      row.items.clear();
      if (request.include_excluded) rows.push_back(std::move(row));
      continue;
    }
    row.step = step;
    row.segment = "first-order";
    row.incentive = rules.incentive_for(step).text();
    gate.admit(row, customer.person);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace shopkeep::analytics::campaigns
