#pragma once
// `shopkeep restock`: per active variant with tracked inventory, the forecast demand, days of
// cover, expected stockout date, reorder point and how many to order; worst first. Also what other
// commands (audit, brief, report) ask: which variants run out within their lead time.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "analytics/restock/backtest_selection.hpp"
#include "analytics/restock/restock_settings.hpp"
#include "analytics/restock/variant_demand.hpp"

namespace shopkeep::analytics::restock {

struct RestockRow {
  VariantFacts facts;
  std::int64_t on_hand = 0;
  int lead_time_days = 0, horizon_days = 0, history_days = 0, censored_days = 0;
  double demand_per_day = 0;            // mean forecast over lead time + horizon
  double demand_lead_time = 0;          // forecast over the lead time
  double demand_horizon = 0;            // forecast over lead time + horizon
  std::optional<double> days_of_cover;  // nullopt: no demand
  std::optional<Day> stockout_date;     // nullopt: no demand, or beyond ten years
  double reorder_point = 0, safety_stock = 0, reorder_quantity = 0;
  std::optional<std::int64_t> stock_value;  // minor units, at unit cost
  std::int64_t revenue_at_risk = 0;         // minor units: demand over lead time + horizon not in stock, at price
  bool overstock = false;
  Selection selection;
};

struct RestockPlan {
  std::vector<RestockRow> rows;  // every tracked active variant, worst first
  double safety_factor = 0;      // k, calibrated on the store's history
  int calibration_residuals = 0;
  Day today{};
};

// Every tracked active variant, worst first: soonest stockout, then most revenue at risk.
RestockPlan plan_restock(store::Db& db, const store::ShopSettings& shop, const RestockSettings& settings, Instant now);

// Needs ordering now: stock at or below the reorder point with something to order.
bool needs_reorder(const RestockRow& row);

// Expected to run out before an order placed today would arrive (brief, report and audit use it).
bool runs_out_within_lead_time(const RestockRow& row, Day today);
std::vector<RestockRow> running_out_within_lead_time(store::Db& db, const store::ShopSettings& shop,
                                                     const RestockSettings& settings, Instant now);

// One row of cli.md `restock --json`.
nlohmann::ordered_json restock_row_json(const RestockRow& row, const store::ShopSettings& shop);

}  // namespace shopkeep::analytics::restock
