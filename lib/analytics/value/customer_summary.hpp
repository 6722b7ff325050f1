#pragma once
// Per-customer purchase summaries from the store, with the semantics of cli.md: orders that count
// (data.md) dated before --now, shop-local days, orders on the same day one purchase whose value
// is their sum, time in weeks.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::value {

struct CustomerSummary {
  std::int64_t customer_id;
  std::string email;
  std::int64_t purchase_days = 0;            // distinct shop-local days with an order
  std::int64_t first_day = 0, last_day = 0;  // days since the epoch
  std::optional<std::int64_t> second_day = std::nullopt;  // the second purchase day, for repeat buyers
  std::int64_t orders = 0;
  std::int64_t total_spend = 0;   // minor units, every order
  std::int64_t repeat_spend = 0;  // minor units, purchase days after the first
  double frequency() const { return static_cast<double>(purchase_days - 1); }
  double recency_weeks() const { return static_cast<double>(last_day - first_day) / 7.0; }
  double age_weeks(std::int64_t now_day) const { return static_cast<double>(now_day - first_day) / 7.0; }
  double repeat_mean(int exponent) const;  // mean repeat purchase-day value in currency units
};

// Customers with at least one order before `now`, by customer id.
std::vector<CustomerSummary> customer_summaries(store::Db& db, Instant now, const store::ShopSettings& shop);
// One customer's summary; nullopt when they have no order before `now`.
std::optional<CustomerSummary> customer_summary(store::Db& db, std::int64_t customer_id, Instant now,
                                                const store::ShopSettings& shop);

// The shop-local day of `now`, in days since the epoch.
std::int64_t local_day_number(Instant now, const Zone& zone);

}  // namespace shopkeep::analytics::value
