#pragma once
// `shopkeep email report`: per campaign, the people the plans assigned to treatment and holdout,
// who converted (an order within the window after the message was sent; for the holdout, and for
// treatment people whose message never went, after the time it was planned), revenue, the uplift
// and its significance (the statistics of `carts report`), the incremental revenue and the
// discount cost.
#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::campaigns {

struct EmailReportOptions {
  std::optional<std::string> campaign;  // all campaigns when unset
  std::optional<Instant> from, to;      // on the first planning time; from inclusive, to exclusive
  std::chrono::seconds window{7 * 86400};
};

// An array: one object per campaign (the four always, and any other campaign name with plans).
nlohmann::ordered_json email_report(store::Db& db, const EmailReportOptions& options, const store::ShopSettings& shop);

}  // namespace shopkeep::analytics::campaigns
