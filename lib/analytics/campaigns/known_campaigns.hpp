#pragma once
// Which campaign names a report can be asked about: the built-in ones and every name a plan was
// ever written under (`carts --campaign NAME` may start a campaign of its own). A report on a name
// that is neither would silently show empty groups, so it is a usage error instead.
#include <string>
#include <vector>

#include "store/db.hpp"

namespace shopkeep::analytics::campaigns {

// `built_in` first, then the other names plans were written under in `plans` ("campaign_plans",
// or its view "cart_plans" for the checkouts' campaigns only), alphabetically.
std::vector<std::string> known_campaigns(store::Db& db, const std::vector<std::string>& built_in,
                                         const char* plans = "campaign_plans");

// Throws a usage error "no such campaign 'NAME'" with the known names (and the closest one) as the
// hint unless `name` is one of `known`.
void require_known_campaign(const std::string& name, const std::vector<std::string>& known);

}  // namespace shopkeep::analytics::campaigns
