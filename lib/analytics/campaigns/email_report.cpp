#include "analytics/campaigns/email_report.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

#include "analytics/campaigns/campaign.hpp"
#include "analytics/campaigns/comparison.hpp"
#include "analytics/campaigns/known_campaigns.hpp"
#include "core/money.hpp"

namespace shopkeep::analytics::campaigns {

namespace {

using Json = nlohmann::ordered_json;

struct Totals {
  ArmTotals treatment, holdout;
};

// One row per planned target: its arm and anchor (first send for treatment, else the first
// planning time), whether an incentive was offered, and the first counted order by the person
// within the window after the anchor. A cart-recovery checkout completed within the window also
// converts (its completion is the order).
constexpr const char* kUnits = R"SQL(
WITH firsts AS (
  SELECT campaign, target_key, min(planned_at) AS planned_at, max(coalesce(incentive, 'none') <> 'none') AS offered
    FROM campaign_plans WHERE (?1 IS NULL OR campaign = ?1) GROUP BY campaign, target_key
), units AS (
  SELECT f.campaign, f.target_key, f.planned_at, f.offered, p.arm, p.customer_id, p.email,
         CASE WHEN p.arm = 'treatment' THEN coalesce(
           (SELECT min(l.sent_at) FROM email_log l WHERE l.campaign = f.campaign AND l.target_key = f.target_key
               AND l.status = 'sent'), f.planned_at) ELSE f.planned_at END AS anchor
    FROM firsts f JOIN campaign_plans p
      ON p.campaign = f.campaign AND p.target_key = f.target_key AND p.planned_at = f.planned_at
   WHERE f.planned_at >= ?2 AND f.planned_at < ?3
   GROUP BY f.campaign, f.target_key
), converted AS (
  SELECT u.*, strftime('%Y-%m-%dT%H:%M:%SZ', u.anchor, ?4) AS until,
         (SELECT o.id FROM counted_orders o
           WHERE o.ordered_at > u.anchor AND o.ordered_at <= strftime('%Y-%m-%dT%H:%M:%SZ', u.anchor, ?4)
             AND (o.customer_id = u.customer_id OR (u.email IS NOT NULL AND lower(trim(o.email)) = u.email))
           ORDER BY o.ordered_at, o.id LIMIT 1) AS order_id
    FROM units u
)
SELECT c.campaign, c.arm, c.offered, o.total_price, o.total_discounts, o.ordered_at,
       k.completed_at, k.total_price, c.until, c.anchor
  FROM converted c
  LEFT JOIN counted_orders o ON o.id = c.order_id
  LEFT JOIN checkouts k ON c.target_key GLOB 'checkout:[0-9]*' AND k.id = CAST(substr(c.target_key, 10) AS INTEGER)
)SQL";

Json group_json(const ArmTotals& g, int exponent) {
  Json j;
  j["recipients"] = g.units;
  j["converted"] = g.converted;
  j["rate"] = g.units ? Json(static_cast<double>(g.converted) / static_cast<double>(g.units)) : Json();
  j["revenue"] = format_minor_units(g.revenue, exponent);
  j["revenue_per_recipient"] =
      g.units
          ? Json(format_minor_units(
                static_cast<std::int64_t>(std::llround(static_cast<double>(g.revenue) / static_cast<double>(g.units))),
                exponent))
          : Json();
  return j;
}

Json campaign_json(const std::string& name, const Totals& t, const store::ShopSettings& shop) {
  int e = shop.currency_exponent;
  Json r;
  r["campaign"] = name;
  r["treatment"] = group_json(t.treatment, e);
  r["holdout"] = group_json(t.holdout, e);
  r["currency"] = shop.currency;
  add_uplift(r, t.treatment, t.holdout);
  if (t.treatment.units > 0 && t.holdout.units > 0) {
    // What the treatment group earned beyond what it would have at the holdout's revenue per person.
    double per_holdout = static_cast<double>(t.holdout.revenue) / static_cast<double>(t.holdout.units);
    double incremental =
        static_cast<double>(t.treatment.revenue) - per_holdout * static_cast<double>(t.treatment.units);
    r["incremental_revenue"] = format_minor_units(static_cast<std::int64_t>(std::llround(incremental)), e);
  } else {
    r["incremental_revenue"] = nullptr;
  }
  r["discount_cost"] = format_minor_units(t.treatment.discounts, e);
  add_verdict(r, t.treatment, t.holdout, "recipients");
  if (!r.contains("note")) r["note"] = nullptr;  // every row has every key
  return r;
}

}  // namespace

nlohmann::ordered_json email_report(store::Db& db, const EmailReportOptions& o, const store::ShopSettings& shop) {
  std::map<std::string, Totals> by_campaign;
  if (o.campaign) {
    std::vector<std::string> built_in;
    for (Kind k : all_kinds()) built_in.emplace_back(kind_name(k));
    require_known_campaign(*o.campaign, known_campaigns(db, built_in));
    by_campaign[*o.campaign];
  } else {
    for (Kind k : all_kinds()) by_campaign[kind_name(k)];
  }
  store::Stmt rows(db, kUnits);
  rows.bind(1, o.campaign);
  rows.bind(2, o.from ? format_rfc3339(*o.from) : std::string("0000"));
  rows.bind(3, o.to ? format_rfc3339(*o.to) : std::string("9999"));
  rows.bind(4, "+" + std::to_string(o.window.count()) + " seconds");
  int e = shop.currency_exponent;
  while (rows.step()) {
    Totals& t = by_campaign[rows.get_text(0)];
    ArmTotals& g = rows.get_text(1) == "holdout" ? t.holdout : t.treatment;
    ++g.units;
    bool offered = rows.get_int(2) != 0;
    std::string until = rows.get_text(8), anchor = rows.get_text(9);
    bool ordered = !rows.is_null(5);
    bool completed = !rows.is_null(6) && rows.get_text(6) > anchor && rows.get_text(6) <= until;
    if (!ordered && !completed) continue;
    ++g.converted;
    // The earlier of the two events is the conversion; its amount is the revenue.
    bool by_checkout = completed && (!ordered || rows.get_text(6) < rows.get_text(5));
    auto amount = by_checkout ? rows.get_opt_text(7) : rows.get_opt_text(3);
    if (amount) g.revenue += parse_minor_units(*amount, e).value_or(0);
    if (offered && !by_checkout && !rows.is_null(4)) g.discounts += parse_minor_units(rows.get_text(4), e).value_or(0);
  }
  Json out = Json::array();
  // The four campaigns first, in their own order, then any other campaign names.
  for (Kind k : all_kinds())
    if (auto it = by_campaign.find(kind_name(k)); it != by_campaign.end()) {
      out.push_back(campaign_json(it->first, it->second, shop));
      by_campaign.erase(it);
    }
  for (const auto& [name, totals] : by_campaign) out.push_back(campaign_json(name, totals, shop));
  return out;
}

}  // namespace shopkeep::analytics::campaigns
