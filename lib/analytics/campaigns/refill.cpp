// refill: customers whose refill of a consumable is due (recommend --method refill), consumables only.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "analytics/campaigns/consumables.hpp"
#include "analytics/campaigns/customers.hpp"
#include "analytics/campaigns/planners.hpp"
#include "analytics/recommend/recommend.hpp"

namespace shopkeep::analytics::campaigns {

namespace {

struct Due {
  std::int64_t product_id;
  std::string reason;
};

std::unordered_map<std::int64_t, std::vector<Due>> due_refills(store::Db& db, Instant now, size_t k) {
  std::unordered_map<std::int64_t, std::vector<Due>> out;
  recommend::recommend_all(db, now, recommend::Method::refill, k, [&](const recommend::Json& row) {
    out[row["customer_id"].get<std::int64_t>()].push_back(
        {row["product_id"].get<std::int64_t>(), row["reason"].get<std::string>()});
  });
  return out;
}

std::vector<std::int64_t> customers_with_orders(store::Db& db, Instant now) {
  std::vector<std::int64_t> ids;
  store::Stmt s(db,
                "SELECT DISTINCT customer_id FROM counted_orders WHERE customer_id IS NOT NULL AND ordered_at < ?1 "
                "ORDER BY 1");
  s.bind(1, format_rfc3339(now));
  while (s.step()) ids.push_back(s.get_int(0));
  return ids;
}

}  // namespace

std::vector<PlanRow> plan_refill(store::Db& db, const store::ShopSettings&, const CampaignRules& rules,
                                 const PlanRequest& request) {
  Gate gate(db, rules.gate, request.now);
  auto customers = load_customers(db, rules.gate.test_tag);
  auto due = due_refills(db, request.now, rules.items);
  std::unordered_set<std::int64_t> products;
  for (const auto& [customer, items] : due)
    for (const auto& d : items) products.insert(d.product_id);
  auto history = purchase_history(db, request.now, products, rules.consumable_tag);

  std::vector<PlanRow> rows;
  for (std::int64_t id : customers_with_orders(db, request.now)) {
    auto found = customers.find(id);
    if (found == customers.end()) continue;
    const auto& customer = found->second;
    PlanRow row;
    row.campaign = rules.gate.campaign;
    row.customer_id = id;
    row.email = customer.person.email;
    row.first_name = customer.first_name;
    // The consumables due, and the latest day they bought one of them: the refill cycle this
    // message belongs to (a new purchase starts a new one).
    std::string cycle_day;
    bool durable_due = false;
    if (auto d = due.find(id); d != due.end()) {
      for (const auto& item : d->second) {
        if (!is_consumable(history, item.product_id, rules.min_repeat_customers, rules.max_interval_spread)) {
          durable_due = true;
          continue;
        }
        row.items.push_back(item.product_id);
        if (row.detail.empty()) row.detail = item.reason;
        auto last = history.last_bought.find({id, item.product_id});
        if (last != history.last_bought.end()) cycle_day = std::max(cycle_day, last->second);
      }
    }
    row.target_key = "customer:" + std::to_string(id) + ":refill:" + (cycle_day.empty() ? "none" : cycle_day);

    std::optional<std::string> reason = gate.person_exclusion(customer.person);
    if (!reason && row.items.empty()) reason = durable_due ? "not_consumable" : "not_due";
    if (!reason) reason = gate.assign_due_step(row, rules.steps);
    if (reason) {
      row.reason = *reason;
      row.items.clear();
      if (request.include_excluded) rows.push_back(std::move(row));
      continue;
    }
    row.segment = "refill";
    row.incentive = rules.incentive_for(*row.step).text();
    gate.admit(row, customer.person);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace shopkeep::analytics::campaigns
