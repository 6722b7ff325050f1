// orders: paid but unfulfilled, refund rate per month, test orders.
#include <map>

#include "analytics/audit/audit.hpp"
#include "analytics/audit/query.hpp"

namespace shopkeep::analytics::audit {

namespace {

void unfulfilled(const AuditContext& ctx) {
  double days = ctx.number("unfulfilled_days", 3);
  each_row(
      ctx,
      "SELECT id, name, ordered_at FROM counted_orders WHERE financial_status IN ('PAID', 'PARTIALLY_PAID') AND "
      "(fulfillment_status IS NULL OR fulfillment_status IN "
      "('UNFULFILLED', 'PARTIALLY_FULFILLED', 'ON_HOLD')) AND ordered_at < ?1 ORDER BY 3",
      [&](store::Stmt& s) {
        s.bind(1, format_rfc3339(ctx.now - std::chrono::seconds{static_cast<std::int64_t>(days * 86400)}));
      },
      [&](store::Stmt& s) {
        ctx.add(subject("orders", s.get_int(0)), "order " + s.get_text(1) + " was paid " + s.get_text(2).substr(0, 10) +
                                                     " and is still not fulfilled: ship it or tell the customer");
      });
}

void refund_rate(const AuditContext& ctx) {
  double threshold = ctx.number("refund_rate", 0.05);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> months;  // month -> orders, refunded
  std::int64_t orders = 0, refunded = 0;
  each_row(
      ctx,
      "SELECT substr(ordered_at, 1, 7), count(*), sum(total_refunded IS NOT NULL AND CAST(total_refunded AS REAL) > 0) "
      "FROM counted_orders WHERE ordered_at >= ?1 AND ordered_at < ?2 GROUP BY 1 ORDER BY 1",
      [&](store::Stmt& s) {
        s.bind(1, format_rfc3339(ctx.now - std::chrono::days{365})).bind(2, format_rfc3339(ctx.now));
      },
      [&](store::Stmt& s) {
        months[s.get_text(0)] = {s.get_int(1), s.get_int(2)};
        orders += s.get_int(1);
        refunded += s.get_int(2);
      });
  if (orders > 0 && static_cast<double>(refunded) / static_cast<double>(orders) > threshold) {
    auto [rate, limit] = percents_apart(static_cast<double>(refunded) / static_cast<double>(orders), threshold);
    ctx.add("shop", rate + " of the last 12 months' orders were refunded (" + std::to_string(refunded) + " of " +
                        std::to_string(orders) + "; threshold " + limit + "): look at the reasons in support tickets");
  }
  for (const auto& [month, counts] : months) {
    double rate = static_cast<double>(counts.second) / static_cast<double>(counts.first);
    if (counts.first >= 20 && rate > threshold) {
      auto [shown, limit] = percents_apart(rate, threshold);
      ctx.add("shop", month + ": " + shown + " of orders refunded (" + std::to_string(counts.second) + " of " +
                          std::to_string(counts.first) + "), above " + limit);
    }
  }
}

void test_orders(const AuditContext& ctx) {
  each_row(ctx, "SELECT id, name FROM orders WHERE test = 1 AND deleted_at IS NULL ORDER BY id", nullptr,
           [&](store::Stmt& s) {
             ctx.add(subject("orders", s.get_int(0)),
                     "order " + s.get_text(1) + " is a test order: analyses leave it out; delete it in Shopify");
           });
}

}  // namespace

void add_order_checks(std::vector<Check>& c) {
  size_t first = c.size();
  c.push_back({"orders.unfulfilled", "orders", Severity::warn, "paid orders not fulfilled after N days", unfulfilled});
  c.push_back({"orders.refund_rate", "orders", Severity::warn,
               "refund rate above the threshold, shop-wide and per month", refund_rate});
  c.push_back({"orders.test_orders", "orders", Severity::info, "test orders in the store", test_orders});
  needs_rows(c, first, "orders", "no orders in the store");
}

}  // namespace shopkeep::analytics::audit
