#pragma once
// `shopkeep kpi`: the shop's numbers per period, with the definitions of cli.md (Shopify's for
// sales, AOV and returning customers; Zendesk's for CSAT). Every rate keeps its numerator and
// denominator, so a reader sees "1 of 6" behind a 17% and not a bare number.
#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/periods.hpp"
#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics {

struct KpiOptions {
  PeriodKind by = PeriodKind::month;
  Instant from, to;  // from inclusive, to exclusive
  std::chrono::seconds recovery_window{7 * 86400};
  // Only the orders (and their refunds) of this sales channel (kpi --by-channel); checkouts and
  // support belong to no channel and are left out (null).
  std::optional<std::string> channel;
};

// An order's sales channel as kpi --by-channel names it: Shopify's sourceName (`web`, `pos`,
// `shopify_draft_order`, `iphone`, an app's id, ...), `unknown` when the order has none.
constexpr const char* kOrderChannelSql = "coalesce(nullif(o.source_name, ''), 'unknown')";

// The channels of the counted orders placed, or refunded, in [from, to), by name.
std::vector<std::string> order_channels(store::Db& db, Instant from, Instant to);

// The default range: from the start of the period `periods` before the one holding `now`, to `now`.
std::pair<Instant, Instant> default_kpi_range(PeriodKind by, Instant now, const Zone& zone, int periods = 12);

struct Rate {
  std::int64_t n = 0, of = 0;
  std::optional<double> value() const;  // n / of; nullopt when of is 0
};

struct PeriodKpis {
  Day period_start;
  std::optional<std::string> channel;  // with KpiOptions::channel
  bool partial = false;  // cut by --from or --to
  std::int64_t orders = 0, customers = 0;
  std::int64_t gross_sales = 0, discounts = 0, refunds = 0;  // minor units
  std::optional<std::int64_t> aov;                           // minor units; none without orders
  std::int64_t new_customers = 0, returning_customers = 0;
  Rate returning_customer_rate, repeat_purchase_rate, checkout_conversion, cart_recovery_rate, churn_rate;
  std::optional<double> first_reply_minutes_median, first_reply_minutes_p90, full_resolution_minutes_median;
  Rate one_touch_rate, csat;
  std::int64_t net_sales() const { return gross_sales - discounts - refunds; }
};

// One entry per period overlapping [from, to), oldest first, empty periods included.
std::vector<PeriodKpis> shop_kpis(store::Db& db, const KpiOptions& options, const store::ShopSettings& shop);

// One object of cli.md `kpi --json`: each rate with `<rate>_n` and `<rate>_of`.
nlohmann::ordered_json to_json(const PeriodKpis& period, const store::ShopSettings& shop);

// Whether the store holds anything kpi counts (orders, checkouts or tickets).
bool has_kpi_data(store::Db& db);

// Nearest-rank percentile (p in (0, 100]) of unsorted values; nullopt when empty.
std::optional<double> nearest_rank(std::vector<double> values, double p);
std::optional<double> median(std::vector<double> values);

}  // namespace shopkeep::analytics
