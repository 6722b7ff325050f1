#pragma once
// The campaign planners behind plan_campaign (one file each).
#include <vector>

#include "analytics/campaigns/campaign_rules.hpp"
#include "analytics/campaigns/plan.hpp"

namespace shopkeep::analytics::campaigns {

// Valuable customers slipping away (RFM At Risk / Can't Lose Them, or a low P(alive) with a high
// monetary score), with personal recommendations.
std::vector<PlanRow> plan_winback(store::Db& db, const Config& config, const store::ShopSettings& shop,
                                  const CampaignRules& rules, const PlanRequest& request, Reporter& reporter);
// Customers whose refill of a consumable is due.
std::vector<PlanRow> plan_refill(store::Db& db, const store::ShopSettings& shop, const CampaignRules& rules,
                                 const PlanRequest& request);
// Customers some days after their first order, with frequently-bought-together products they do not own.
std::vector<PlanRow> plan_cross_sell(store::Db& db, const store::ShopSettings& shop, const CampaignRules& rules,
                                     const PlanRequest& request);

}  // namespace shopkeep::analytics::campaigns
