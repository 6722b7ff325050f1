#pragma once
// Everything the HTML report shows, gathered from the analyses the commands use (kpi, cohorts,
// customers rfm/value, carts report, recommend rules, restock, audit, support), as typed values:
// the renderer only formats them. A section whose analysis cannot run (too little data for the
// value model, say) keeps the reason in `notes` and the rest of the report still renders.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/audit/audit.hpp"
#include "analytics/cohorts.hpp"
#include "analytics/kpi.hpp"
#include "analytics/recommend/recommend.hpp"
#include "analytics/restock/restock_plan.hpp"
#include "analytics/support/team_support.hpp"
#include "analytics/support/waiting_tickets.hpp"
#include "core/config.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::report {

// Additive KPIs of a whole range (the sums of its weeks as `kpi --by week` lists them).
struct RangeKpis {
  Instant from, to;
  std::int64_t orders = 0, gross_sales = 0, discounts = 0, refunds = 0, new_customers = 0;
  analytics::Rate checkout_conversion, cart_recovery_rate, csat;
  std::int64_t net_sales() const { return gross_sales - discounts - refunds; }
  std::optional<std::int64_t> aov() const;  // (gross - discounts) / orders, half away from zero
};
RangeKpis sum_periods(const std::vector<analytics::PeriodKpis>& periods, Instant from, Instant to);

// One campaign's treatment vs holdout comparison (`carts report`, `email report`).
struct CampaignUplift {
  std::string campaign;
  std::int64_t treatment = 0, treatment_converted = 0, holdout = 0, holdout_converted = 0;
  std::optional<double> treatment_rate, holdout_rate, uplift, ci_low, ci_high, p_value;
  bool conclusive = false;
};
// From a `carts report --json` object (checkouts/recovered) or an `email report` row (recipients/converted).
CampaignUplift campaign_uplift(const nlohmann::ordered_json& report, const std::string& campaign);

struct ReportOptions {
  Instant from, to, now;
  std::chrono::seconds recovery_window{7 * 86400};
};
// The default range: the 12 whole months before the month of `now`, and that month up to `now`
// (the default of `kpi`).
std::pair<Instant, Instant> default_report_range(Instant now, const Zone& zone);

// One sales channel's sums over the report's range (kpi --by-channel).
struct ChannelSales {
  std::string channel;
  RangeKpis kpis;
};

struct ReportData {
  store::ShopSettings shop;
  std::string shop_name;  // "" when the store does not know it
  ReportOptions options;
  std::vector<analytics::PeriodKpis> weeks;  // [from, to) by ISO week
  RangeKpis current, previous, last_year;    // previous: the same length just before; last_year: a year earlier
  std::vector<ChannelSales> channels;        // [from, to), most net sales first
  std::vector<analytics::Cohort> cohorts;
  std::map<std::string, std::int64_t> segments;                   // RFM segment -> customers
  std::vector<std::int64_t> clv;                                  // minor units, one per customer of the value model
  std::int64_t at_risk_customers = 0;                             // p_alive below value.at_risk_p_alive
  std::int64_t abandoned_checkouts = 0, recovered_checkouts = 0;  // in [from, to), as kpi counts them
  std::vector<CampaignUplift> campaigns;
  std::vector<analytics::recommend::RuleRow> pairs;  // one product -> one product, most baskets first
  std::vector<analytics::restock::RestockRow> running_out;
  analytics::support::WaitingTickets support_queue;
  std::vector<analytics::support::TeamSupport> teams;  // tickets of [from, to) per Zendesk group
  std::int64_t escalations = 0;  // open tickets the support triage escalates (`support triage`)
  std::vector<analytics::audit::Finding> findings;
  nlohmann::ordered_json status;             // store_status: how fresh the data is
  std::map<std::string, std::string> notes;  // section id -> why it is empty
};

ReportData gather_report_data(store::Db& db, const Config& config, const ReportOptions& options);

}  // namespace shopkeep::report
