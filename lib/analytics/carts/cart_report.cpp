#include "analytics/carts/cart_report.hpp"

#include "analytics/campaigns/comparison.hpp"
#include "analytics/campaigns/known_campaigns.hpp"
#include "core/money.hpp"

namespace shopkeep::analytics::carts {

namespace {

using Json = nlohmann::ordered_json;

Json group_json(const campaigns::ArmTotals& g, int exponent) {
  Json j;
  j["checkouts"] = g.units;
  j["recovered"] = g.converted;
  j["rate"] = g.units ? Json(static_cast<double>(g.converted) / static_cast<double>(g.units)) : Json();
  j["revenue"] = format_minor_units(g.revenue, exponent);
  return j;
}

}  // namespace

nlohmann::ordered_json cart_report(store::Db& db, const ReportOptions& o, const store::ShopSettings& shop) {
  campaigns::require_known_campaign(o.campaign, campaigns::known_campaigns(db, {"cart-recovery"}, "cart_plans"));
  // Each planned checkout once, in the arm its first plan gave it (campaign_plans through the
  // cart_plans view). Recovered, as the checkout_recovery view defines it: completed, or the first
  // counted order by the same customer (or email) after the checkout's last activity falls within
  // the window; revenue is the completed checkout's total, else that order's.
  store::Stmt rows(
      db,
      "WITH planned AS ("
      "  SELECT checkout_id, arm FROM cart_plans p WHERE campaign = ?1 AND planned_at >= ?2 AND "
      "planned_at < ?3 "
      "  AND planned_at = (SELECT min(planned_at) FROM cart_plans q WHERE q.campaign = p.campaign AND "
      "q.checkout_id = p.checkout_id) "
      "  GROUP BY checkout_id) "
      "SELECT p.arm, r.completed, r.total_price, "
      "  r.next_order_at IS NOT NULL AND r.next_order_at <= strftime('%Y-%m-%dT%H:%M:%SZ', r.updated_at, ?4), "
      "  r.next_order_total "
      "FROM planned p JOIN checkout_recovery r ON r.checkout_id = p.checkout_id");
  rows.bind(1, o.campaign)
      .bind(2, o.from ? format_rfc3339(*o.from) : std::string("0000"))
      .bind(3, o.to ? format_rfc3339(*o.to) : std::string("9999"))
      .bind(4, "+" + std::to_string(o.window.count()) + " seconds");
  campaigns::ArmTotals treatment, holdout;
  while (rows.step()) {
    auto& g = rows.get_text(0) == "holdout" ? holdout : treatment;
    ++g.units;
    bool completed = rows.get_int(1) != 0, ordered = rows.get_int(3) != 0;
    if (!completed && !ordered) continue;
    ++g.converted;
    auto amount = completed ? rows.get_opt_text(2) : rows.get_opt_text(4);
    if (amount) g.revenue += parse_minor_units(*amount, shop.currency_exponent).value_or(0);
  }
  Json r;
  r["campaign"] = o.campaign;
  r["treatment"] = group_json(treatment, shop.currency_exponent);
  r["holdout"] = group_json(holdout, shop.currency_exponent);
  r["currency"] = shop.currency;
  campaigns::add_uplift(r, treatment, holdout);
  campaigns::add_verdict(r, treatment, holdout, "checkouts");
  return r;
}

}  // namespace shopkeep::analytics::carts
