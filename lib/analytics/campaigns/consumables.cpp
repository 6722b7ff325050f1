#include "analytics/campaigns/consumables.hpp"

#include <cmath>
#include <vector>

namespace shopkeep::analytics::campaigns {

PurchaseHistory purchase_history(store::Db& db, Instant now, const std::unordered_set<std::int64_t>& products) {
  PurchaseHistory out;
  store::Stmt s(db,
                "SELECT l.product_id, o.customer_id, substr(o.ordered_at, 1, 10) AS day "
                "FROM counted_orders o JOIN order_lines l ON l.order_id = o.id "
                "WHERE o.customer_id IS NOT NULL AND l.product_id IS NOT NULL AND o.ordered_at < ?1 "
                "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
  s.bind(1, format_rfc3339(now));
  struct Sums {
    double n = 0, sum = 0, sum_sq = 0;
  };
  std::unordered_map<std::int64_t, Sums> sums;
  std::int64_t product = -1, customer = -1;
  std::int64_t previous = -1;  // days since the epoch of the customer's previous purchase day, -1 for none
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
      previous = -1;
      days_of_customer = 0;
    }
    auto d = parse_date(day);
    if (!d) continue;
    std::int64_t day_number = d->time_since_epoch().count();
    if (previous >= 0) {
      double gap = static_cast<double>(day_number - previous);
      auto& acc = sums[p];
      acc.n += 1;
      acc.sum += gap;
      acc.sum_sq += gap * gap;
    }
    previous = day_number;
    ++days_of_customer;
    out.last_bought[{c, p}] = day;
  }
  close_customer();
  for (auto& [p, acc] : sums) {
    auto& pattern = out.patterns[p];
    if (acc.n <= 0) continue;
    pattern.mean_interval_days = acc.sum / acc.n;
    double variance = std::max(0.0, acc.sum_sq / acc.n - pattern.mean_interval_days * pattern.mean_interval_days);
    pattern.interval_cv = pattern.mean_interval_days > 0 ? std::sqrt(variance) / pattern.mean_interval_days : 0;
  }
  return out;
}

bool is_consumable(const RepeatPattern& p, std::int64_t min_repeat_customers, double max_interval_cv) {
  return p.repeat_customers >= min_repeat_customers && p.mean_interval_days > 0 && p.interval_cv <= max_interval_cv;
}

}  // namespace shopkeep::analytics::campaigns
