#include "analytics/value/customer_summary.hpp"

#include <cmath>

#include "core/money.hpp"

namespace shopkeep::analytics::value {

double CustomerSummary::repeat_mean(int exponent) const {
  if (purchase_days <= 1) return 0;
  return static_cast<double>(repeat_spend) / std::pow(10.0, exponent) / static_cast<double>(purchase_days - 1);
}

std::int64_t local_day_number(Instant now, const Zone& zone) { return zone.local_day(now).time_since_epoch().count(); }

namespace {

// Folds orders sorted by customer and time into summaries. `only_customer` restricts the query.
std::vector<CustomerSummary> summaries_where(store::Db& db, Instant now, const store::ShopSettings& shop,
                                             std::optional<std::int64_t> only_customer) {
  // One pass over the orders in customer and time order; days are cut in the shop's zone.
  store::Stmt orders(db, std::string("SELECT o.customer_id, o.ordered_at, o.total_price, c.email "
                                     "FROM counted_orders o LEFT JOIN customers c ON c.id = o.customer_id "
                                     "WHERE o.customer_id IS NOT NULL AND o.ordered_at < ?1 ") +
                             (only_customer ? "AND o.customer_id = ?2 " : "") + "ORDER BY o.customer_id, o.ordered_at");
  orders.bind(1, format_rfc3339(now));
  if (only_customer) orders.bind(2, *only_customer);
  std::vector<CustomerSummary> out;
  std::int64_t current_day = 0;
  while (orders.step()) {
    std::int64_t id = orders.get_int(0);
    auto at = parse_rfc3339(orders.get_text(1));
    if (!at) continue;
    std::int64_t day = local_day_number(*at, shop.zone);
    std::int64_t amount =
        orders.is_null(2) ? 0 : parse_minor_units(orders.get_text(2), shop.currency_exponent).value_or(0);
    if (out.empty() || out.back().customer_id != id) {
      CustomerSummary s{id, orders.get_opt_text(3).value_or("")};
      s.first_day = s.last_day = current_day = day;
      s.purchase_days = 1;
      out.push_back(std::move(s));
    } else if (day != current_day) {
      if (++out.back().purchase_days == 2) out.back().second_day = day;
      out.back().last_day = current_day = day;
    }
    CustomerSummary& s = out.back();
    ++s.orders;
    s.total_spend += amount;
    if (day != s.first_day) s.repeat_spend += amount;
  }
  return out;
}

}  // namespace

std::vector<CustomerSummary> customer_summaries(store::Db& db, Instant now, const store::ShopSettings& shop) {
  return summaries_where(db, now, shop, std::nullopt);
}

std::optional<CustomerSummary> customer_summary(store::Db& db, std::int64_t customer_id, Instant now,
                                                const store::ShopSettings& shop) {
  auto one = summaries_where(db, now, shop, customer_id);
  if (one.empty()) return std::nullopt;
  return std::move(one.front());
}

}  // namespace shopkeep::analytics::value
