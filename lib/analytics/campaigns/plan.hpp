#pragma once
// `shopkeep email plan CAMPAIGN`: who gets which message of a campaign now, and who is excluded and
// why. Every campaign applies the shared rules of gate.hpp and stores what it admits (campaign_plans).
#include <vector>

#include "analytics/campaigns/campaign.hpp"
#include "analytics/campaigns/gate.hpp"
#include "core/config.hpp"
#include "core/reporter.hpp"
#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::campaigns {

struct PlanRequest {
  Kind kind = Kind::cart_recovery;
  Instant now;
  bool include_excluded = false;  // --all
  bool resend_unknown = false;    // email send --resend-unknown
  bool record = true;             // false: a dry run, nothing stored
};

// The shared rules of a campaign ([carts] for cart-recovery, [email.CAMPAIGN] for the others).
GateRules campaign_gate_rules(const Config& config, Kind kind);

// Included rows first in the campaign's own order (most valuable first where that means something),
// then, with include_excluded, everyone considered and left out, with the reason.
std::vector<PlanRow> plan_campaign(store::Db& db, const Config& config, const store::ShopSettings& shop,
                                   const PlanRequest& request, Reporter& reporter);

}  // namespace shopkeep::analytics::campaigns
