#pragma once
// `shopkeep kpi`: the shop's numbers per period, with the definitions of cli.md (Shopify's for
// sales, AOV and returning customers; Zendesk's for CSAT).
#include <nlohmann/json_fwd.hpp>

#include <chrono>

#include "analytics/periods.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics {

struct KpiOptions {
  PeriodKind by = PeriodKind::month;
  Instant from, to;  // from inclusive, to exclusive
  std::chrono::seconds recovery_window{7 * 86400};
};

// One object per period, oldest first, empty periods included.
nlohmann::ordered_json shop_kpis(store::Db& db, const KpiOptions& options, const store::ShopSettings& shop);

// Nearest-rank percentile (p in (0, 100]) of unsorted values; nullopt when empty.
std::optional<double> nearest_rank(std::vector<double> values, double p);
std::optional<double> median(std::vector<double> values);

}  // namespace shopkeep::analytics
