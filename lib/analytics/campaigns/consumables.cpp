#include "analytics/campaigns/consumables.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace shopkeep::analytics::campaigns {

namespace {

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  double upper = v[mid];
  if (v.size() % 2) return upper;
  return (upper + *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid))) / 2;
}

void mark_tagged(store::Db& db, const std::string& tag, PurchaseHistory& out,
                 const std::unordered_set<std::int64_t>& products) {
  store::Stmt s(db,
                "SELECT p.id FROM products p, json_each(CASE WHEN json_valid(p.tags) THEN p.tags ELSE '[]' END) t "
                "WHERE p.deleted_at IS NULL AND lower(t.value) = lower(?1)");
  s.bind(1, tag);
  while (s.step()) {
    out.shop_uses_tag = true;
    if (products.count(s.get_int(0))) out.patterns[s.get_int(0)].tagged = true;
  }
}

}  // namespace

PurchaseHistory purchase_history(store::Db& db, Instant now, const std::unordered_set<std::int64_t>& products,
                                 const std::string& consumable_tag) {
  PurchaseHistory out;
  if (!consumable_tag.empty()) mark_tagged(db, consumable_tag, out, products);
  store::Stmt s(db,
                "SELECT l.product_id, o.customer_id, substr(o.ordered_at, 1, 10) AS day "
                "FROM counted_orders o JOIN order_lines l ON l.order_id = o.id "
                "WHERE o.customer_id IS NOT NULL AND l.product_id IS NOT NULL AND o.ordered_at < ?1 "
                "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
  s.bind(1, format_rfc3339(now));
  std::unordered_map<std::int64_t, std::vector<double>> intervals;
  std::int64_t product = -1, customer = -1;
  std::int64_t previous = 0;  // the customer's previous purchase day (days since the epoch)
  int days_of_customer = 0;
  auto close_customer = [&] {
    if (product >= 0 && days_of_customer >= 2) ++out.patterns[product].repeat_customers;
  };
  while (s.step()) {
    std::int64_t p = s.get_int(0), c = s.get_int(1);
    if (!products.count(p)) continue;
    std::string day = s.get_text(2);
    if (p != product || c != customer) {
      close_customer();
      product = p;
      customer = c;
      days_of_customer = 0;
    }
    auto d = parse_date(day);
    if (!d) continue;
    std::int64_t day_number = d->time_since_epoch().count();
    if (days_of_customer > 0) intervals[p].push_back(static_cast<double>(day_number - previous));
    previous = day_number;
    ++days_of_customer;
    out.last_bought[{c, p}] = day;
  }
  close_customer();
  for (auto& [p, v] : intervals) {
    auto& pattern = out.patterns[p];
    pattern.median_interval_days = median(v);
    std::vector<double> deviations;
    deviations.reserve(v.size());
    for (double x : v) deviations.push_back(std::fabs(x - pattern.median_interval_days));
    pattern.interval_spread = pattern.median_interval_days > 0 ? median(deviations) / pattern.median_interval_days : 0;
  }
  return out;
}

bool is_consumable(const PurchaseHistory& history, std::int64_t product, std::int64_t min_repeat_customers,
                   double max_interval_spread) {
  auto it = history.patterns.find(product);
  if (it == history.patterns.end()) return false;
  const auto& p = it->second;
  if (p.repeat_customers < min_repeat_customers || p.median_interval_days <= 0) return false;
  if (history.shop_uses_tag) return p.tagged;
  return p.interval_spread <= max_interval_spread;
}

}  // namespace shopkeep::analytics::campaigns
