#include "analytics/carts/cart_report.hpp"

#include "analytics/uplift_stats.hpp"
#include "core/money.hpp"

namespace shopkeep::analytics::carts {

namespace {

using Json = nlohmann::ordered_json;

struct Group {
  std::int64_t checkouts = 0, recovered = 0, revenue = 0;
  Json json(int exponent) const {
    Json g;
    g["checkouts"] = checkouts;
    g["recovered"] = recovered;
    g["rate"] = checkouts ? Json(static_cast<double>(recovered) / static_cast<double>(checkouts)) : Json();
    g["revenue"] = format_minor_units(revenue, exponent);
    return g;
  }
};

Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(); }

}  // namespace

nlohmann::ordered_json cart_report(store::Db& db, const ReportOptions& o, const store::ShopSettings& shop) {
  // Each planned checkout once, in the arm its first plan gave it. Recovered: completed, or an
  // order by the same customer (or email) within the window after the checkout's last activity;
  // revenue is the completed checkout's total, else that first order's.
  store::Stmt rows(
      db,
      "WITH planned AS ("
      "  SELECT checkout_id, arm FROM cart_plans p WHERE campaign = ?1 AND planned_at >= ?2 AND planned_at < ?3 "
      "  AND planned_at = (SELECT min(planned_at) FROM cart_plans q WHERE q.campaign = p.campaign AND q.checkout_id = "
      "p.checkout_id) "
      "  GROUP BY checkout_id) "
      "SELECT p.arm, k.completed_at IS NOT NULL, k.total_price, "
      "  (SELECT o.total_price FROM orders o WHERE o.test = 0 AND o.cancelled_at IS NULL AND o.deleted_at IS NULL "
      "     AND coalesce(o.processed_at, o.created_at) > k.updated_at "
      "     AND coalesce(o.processed_at, o.created_at) <= strftime('%Y-%m-%dT%H:%M:%SZ', k.updated_at, ?4) "
      "     AND (o.customer_id = k.customer_id OR (k.email IS NOT NULL AND lower(trim(o.email)) = "
      "lower(trim(k.email)))) "
      "   ORDER BY coalesce(o.processed_at, o.created_at) LIMIT 1) "
      "FROM planned p JOIN checkouts k ON k.id = p.checkout_id");
  rows.bind(1, o.campaign)
      .bind(2, o.from ? format_rfc3339(*o.from) : std::string("0000"))
      .bind(3, o.to ? format_rfc3339(*o.to) : std::string("9999"))
      .bind(4, "+" + std::to_string(o.window.count()) + " seconds");
  Group treatment, holdout;
  while (rows.step()) {
    Group& g = rows.get_text(0) == "holdout" ? holdout : treatment;
    ++g.checkouts;
    std::optional<std::string> amount;
    if (rows.get_int(1))
      amount = rows.get_opt_text(2);
    else if (!rows.is_null(3))
      amount = rows.get_text(3);
    if (rows.get_int(1) || !rows.is_null(3)) {
      ++g.recovered;
      if (amount) g.revenue += parse_minor_units(*amount, shop.currency_exponent).value_or(0);
    }
  }
  auto stats = compare_proportions(treatment.recovered, treatment.checkouts, holdout.recovered, holdout.checkouts);
  bool comparable = treatment.checkouts > 0 && holdout.checkouts > 0;
  Json r;
  r["campaign"] = o.campaign;
  r["treatment"] = treatment.json(shop.currency_exponent);
  r["holdout"] = holdout.json(shop.currency_exponent);
  r["currency"] = shop.currency;
  r["uplift_absolute"] = comparable ? Json(stats.uplift_absolute) : Json();
  r["uplift_relative"] = comparable ? optional_number(stats.uplift_relative) : Json();
  r["p_value"] = comparable ? optional_number(stats.p_value) : Json();
  r["ci_low"] = comparable ? optional_number(stats.ci_low) : Json();
  r["ci_high"] = comparable ? optional_number(stats.ci_high) : Json();
  r["conclusive"] = stats.conclusive;
  if (!stats.conclusive) {
    r["note"] = (treatment.checkouts < 30 || holdout.checkouts < 30)
                    ? "too few checkouts to conclude: at least 30 in each group are needed"
                    : "no significant difference at the 5% level";
  }
  return r;
}

}  // namespace shopkeep::analytics::carts
