#pragma once
// `shopkeep brief`: Monday morning on one screen. Last week's numbers against the week before and
// the same ISO week a year earlier, then what to do, most urgent first, each with how many and the
// command that lists them, and how fresh the data is.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "analytics/kpi.hpp"
#include "core/config.hpp"
#include "report/iso_week.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::report {

struct BriefAction {
  std::string kind;  // carts, tickets, reorder, winback, audit_errors
  int priority = 0;  // 1 = first; actions with nothing to do come last
  std::int64_t count = 0;
  std::string message;  // "12 abandoned carts to chase now"
  std::string command;  // "shopkeep carts"
};

struct Brief {
  store::ShopSettings shop;
  Instant as_of;
  std::optional<std::string> data_through;  // the newest order's time
  std::optional<double> newest_order_age_days;
  std::vector<std::string> sources;  // "shopify orders: 2026-09-30T11:00:00Z", "shopify import: ..."
  BriefWeeks weeks;
  analytics::PeriodKpis week, previous, last_year;
  std::vector<BriefAction> actions;
};

Brief gather_brief(store::Db& db, const Config& config, Instant now);

// Most urgent first: carts (hours count), tickets, reorder, win-back, audit errors; then the ones at
// zero. Priorities are renumbered 1..n in that order.
void order_actions(std::vector<BriefAction>& actions);

// cli.md `brief --json`.
nlohmann::ordered_json to_json(const Brief& brief);
// The screen: at most 80 columns per line.
std::string brief_text(const Brief& brief);

// The display width of UTF-8 text, one column per code point (the brief's arrows and dashes).
size_t display_width(const std::string& text);

}  // namespace shopkeep::report
