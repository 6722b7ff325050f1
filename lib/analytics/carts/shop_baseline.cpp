#include "analytics/carts/shop_baseline.hpp"

#include "core/money.hpp"

namespace shopkeep::analytics::carts {

ShopBaseline shop_baseline(store::Db& db, Instant now, int exponent) {
  ShopBaseline b;
  std::string since = format_rfc3339(now - std::chrono::days{365}), until = format_rfc3339(now);
  store::Stmt lines(db,
                    "SELECT l.unit_price, l.quantity FROM order_lines l JOIN counted_orders o ON o.id = l.order_id "
                    "WHERE o.ordered_at >= ?1 AND o.ordered_at < ?2");
  lines.bind(1, since).bind(2, until);
  std::int64_t gross = 0;
  while (lines.step()) gross += parse_minor_units(lines.get_text(0), exponent).value_or(0) * lines.get_int(1);
  store::Stmt orders(db, "SELECT total_discounts FROM counted_orders WHERE ordered_at >= ?1 AND ordered_at < ?2");
  orders.bind(1, since).bind(2, until);
  std::int64_t discounts = 0, count = 0;
  while (orders.step()) {
    ++count;
    if (!orders.is_null(0)) discounts += parse_minor_units(orders.get_text(0), exponent).value_or(0);
  }
  if (count > 0) b.aov = (gross - discounts) / count;
  return b;
}

CustomerHistory customer_history(store::Db& db, std::optional<std::int64_t> customer_id, const std::string& email,
                                 Instant now, int exponent) {
  CustomerHistory h;
  std::string who = customer_id ? "customer_id = ?1" : "customer_id IS NULL AND lower(trim(email)) = ?1";
  store::Stmt orders(db,
                     "SELECT total_price, discount_codes FROM counted_orders WHERE " + who + " AND ordered_at < ?2");
  if (customer_id)
    orders.bind(1, *customer_id);
  else
    orders.bind(1, email);
  orders.bind(2, format_rfc3339(now));
  while (orders.step()) {
    ++h.orders;
    h.spend += parse_minor_units(orders.get_text(0), exponent).value_or(0);
    std::string codes = orders.get_text(1);
    if (!codes.empty() && codes != "[]") ++h.discounted_orders;
  }
  return h;
}

}  // namespace shopkeep::analytics::carts
