#include "analytics/campaigns/plan.hpp"

#include <algorithm>

#include "analytics/campaigns/planners.hpp"
#include "analytics/carts/cart_plan.hpp"

namespace shopkeep::analytics::campaigns {

namespace {

std::vector<PlanRow> plan_cart_recovery(store::Db& db, const Config& config, const store::ShopSettings& shop,
                                        const PlanRequest& request) {
  auto cart_config = carts::load_cart_config(config);
  carts::PlanOptions options{kind_name(Kind::cart_recovery), request.now, request.include_excluded,
                             request.resend_unknown, request.record};
  std::vector<PlanRow> rows;
  for (auto& row : carts::plan_carts(db, options, cart_config, shop)) rows.push_back(std::move(row.plan));
  return rows;
}

}  // namespace

GateRules campaign_gate_rules(const Config& config, Kind kind) {
  if (kind == Kind::cart_recovery) return carts::load_cart_config(config).gate_rules(kind_name(kind));
  return load_campaign_rules(config, kind).gate;
}

std::vector<PlanRow> plan_campaign(store::Db& db, const Config& config, const store::ShopSettings& shop,
                                   const PlanRequest& request, Reporter& reporter) {
  std::vector<PlanRow> rows;
  if (request.kind == Kind::cart_recovery) {
    rows = plan_cart_recovery(db, config, shop, request);
  } else {
    auto rules = load_campaign_rules(config, request.kind);
    rules.gate.resend_unknown = request.resend_unknown;
    rules.gate.record = request.record;
    store::Transaction tx(db);
    switch (request.kind) {
      case Kind::winback: rows = plan_winback(db, config, shop, rules, request, reporter); break;
      case Kind::refill: rows = plan_refill(db, shop, rules, request); break;
      case Kind::cross_sell: rows = plan_cross_sell(db, shop, rules, request); break;
      case Kind::cart_recovery: break;
    }
    tx.commit();
  }
  // Included first (their order kept), then the excluded ones.
  std::stable_partition(rows.begin(), rows.end(), [](const PlanRow& r) { return !r.excluded(); });
  if (!request.include_excluded)
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const PlanRow& r) { return r.excluded(); }), rows.end());
  return rows;
}

}  // namespace shopkeep::analytics::campaigns
