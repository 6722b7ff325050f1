#include "report/report_data.hpp"

#include <algorithm>

#include "analytics/campaigns/email_report.hpp"
#include "analytics/carts/cart_report.hpp"
#include "analytics/periods.hpp"
#include "analytics/rfm.hpp"
#include "analytics/support/triage_config.hpp"
#include "analytics/support/triage_report.hpp"
#include "analytics/value/customer_value.hpp"
#include "core/error.hpp"
#include "store/status.hpp"

namespace shopkeep::report {

using Json = nlohmann::ordered_json;

std::optional<std::int64_t> RangeKpis::aov() const {
  if (orders == 0) return std::nullopt;
  std::int64_t total = gross_sales - discounts;
  std::int64_t q = total / orders, r = total % orders;
  if (2 * (r < 0 ? -r : r) >= orders) q += total < 0 ? -1 : 1;  // half away from zero, as kpi
  return q;
}

RangeKpis sum_periods(const std::vector<analytics::PeriodKpis>& periods, Instant from, Instant to) {
  RangeKpis r;
  r.from = from;
  r.to = to;
  for (const auto& p : periods) {
    r.orders += p.orders;
    r.gross_sales += p.gross_sales;
    r.discounts += p.discounts;
    r.refunds += p.refunds;
    r.new_customers += p.new_customers;
    for (auto [sum, part] : {std::pair{&r.checkout_conversion, &p.checkout_conversion},
                             std::pair{&r.cart_recovery_rate, &p.cart_recovery_rate}, std::pair{&r.csat, &p.csat}}) {
      sum->n += part->n;
      sum->of += part->of;
    }
  }
  return r;
}

namespace {

std::optional<double> number_or_none(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::int64_t count_of(const Json& group, const char* a, const char* b) {
  for (const char* key : {a, b}) {
    auto it = group.find(key);
    if (it != group.end() && it->is_number_integer()) return it->get<std::int64_t>();
  }
  return 0;
}

}  // namespace

CampaignUplift campaign_uplift(const Json& report, const std::string& campaign) {
  CampaignUplift c;
  c.campaign =
      report.contains("campaign") && report["campaign"].is_string() ? report["campaign"].get<std::string>() : campaign;
  const Json& t = report.at("treatment");
  const Json& h = report.at("holdout");
  c.treatment = count_of(t, "checkouts", "recipients");
  c.treatment_converted = count_of(t, "recovered", "converted");
  c.holdout = count_of(h, "checkouts", "recipients");
  c.holdout_converted = count_of(h, "recovered", "converted");
  c.treatment_rate = number_or_none(t, "rate");
  c.holdout_rate = number_or_none(h, "rate");
  c.uplift = number_or_none(report, "uplift_absolute");
  c.ci_low = number_or_none(report, "ci_low");
  c.ci_high = number_or_none(report, "ci_high");
  c.p_value = number_or_none(report, "p_value");
  c.conclusive = report.value("conclusive", false);
  return c;
}

std::pair<Instant, Instant> default_report_range(Instant now, const Zone& zone) {
  return analytics::default_kpi_range(analytics::PeriodKind::month, now, zone);
}

namespace {

using std::chrono::days;

// The same range a year earlier: the same local dates (29 February falls back to the 28th).
std::pair<Instant, Instant> year_earlier(Instant from, Instant to, const Zone& zone) {
  Day day = zone.local_day(from);
  std::chrono::year_month_day ymd{day};
  auto earlier = ymd - std::chrono::years{1};
  if (!earlier.ok()) earlier = earlier.year() / earlier.month() / std::chrono::last;
  auto shift = day - Day{earlier};
  return {from - shift, to - shift};
}

analytics::KpiOptions weekly(Instant from, Instant to, std::chrono::seconds window) {
  analytics::KpiOptions k;
  k.by = analytics::PeriodKind::week;
  k.from = from;
  k.to = to;
  k.recovery_window = window;
  return k;
}

// Runs one section's gathering; an error of ours (too little data, say) becomes the section's note.
template <typename F>
void section(ReportData& data, const char* id, F&& gather) {
  try {
    gather();
  } catch (const Error& e) {
    data.notes[id] = e.what();
  }
}

void gather_kpis(ReportData& d, store::Db& db) {
  const auto& o = d.options;
  d.weeks = analytics::shop_kpis(db, weekly(o.from, o.to, o.recovery_window), d.shop);
  d.current = sum_periods(d.weeks, o.from, o.to);
  auto length = o.to - o.from;
  d.previous = sum_periods(analytics::shop_kpis(db, weekly(o.from - length, o.from, o.recovery_window), d.shop),
                           o.from - length, o.from);
  auto [ly_from, ly_to] = year_earlier(o.from, o.to, d.shop.zone);
  d.last_year =
      sum_periods(analytics::shop_kpis(db, weekly(ly_from, ly_to, o.recovery_window), d.shop), ly_from, ly_to);
  for (const auto& channel : analytics::order_channels(db, o.from, o.to)) {
    auto k = weekly(o.from, o.to, o.recovery_window);
    k.channel = channel;
    d.channels.push_back({channel, sum_periods(analytics::shop_kpis(db, k, d.shop), o.from, o.to)});
  }
  std::stable_sort(d.channels.begin(), d.channels.end(), [](const ChannelSales& a, const ChannelSales& b) {
    return a.kpis.net_sales() > b.kpis.net_sales();
  });
  d.abandoned_checkouts = d.current.cart_recovery_rate.of;
  d.recovered_checkouts = d.current.cart_recovery_rate.n;
}

void gather_customers(ReportData& d, store::Db& db, const Config& config) {
  section(d, "segments", [&] {
    for (const auto& s : analytics::rfm_scores(db, d.options.to, d.shop)) ++d.segments[s.segment];
  });
  section(d, "clv", [&] {
    auto options = analytics::value::value_options(config, d.options.to);
    auto model = analytics::value::fit_value_model(db, options, d.shop);
    for (const auto& v : analytics::value::customer_values(model, options, d.shop)) {
      d.clv.push_back(v.clv);
      d.at_risk_customers += v.at_risk;
    }
  });
}

void gather_campaigns(ReportData& d, store::Db& db) {
  section(d, "campaigns", [&] {
    analytics::carts::ReportOptions carts;
    carts.from = d.options.from;
    // A range that ends at --now takes every plan so far (plans made at --now included).
    if (d.options.to < d.options.now) carts.to = d.options.to;
    carts.window = d.options.recovery_window;
    carts.now = d.options.now;
    d.campaigns.push_back(campaign_uplift(analytics::carts::cart_report(db, carts, d.shop), carts.campaign));
    d.campaigns.back().campaign = "carts: " + d.campaigns.back().campaign;
    // Every email campaign, the same statistics (`email report`).
    analytics::campaigns::EmailReportOptions email;
    email.from = carts.from;
    email.to = carts.to;
    email.window = d.options.recovery_window;
    for (const auto& row : analytics::campaigns::email_report(db, email, d.shop)) {
      d.campaigns.push_back(campaign_uplift(row, row.value("campaign", std::string("email"))));
      d.campaigns.back().campaign = "email: " + d.campaigns.back().campaign;
    }
  });
}

void gather_pairs(ReportData& d, store::Db& db) {
  section(d, "pairs", [&] {
    // The defaults of `recommend rules`, pairs only.
    auto rules = analytics::recommend::association_rule_rows(db, d.options.to, 0.01, 0.25, 2);
    std::erase_if(rules, [](const auto& r) { return r.antecedent.size() != 1; });
    // A pair appears as A -> B and B -> A: keep the direction with the higher confidence.
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
      return a.count != b.count ? a.count > b.count : a.confidence > b.confidence;
    });
    std::vector<std::pair<std::int64_t, std::int64_t>> seen;
    for (auto& r : rules) {
      std::pair<std::int64_t, std::int64_t> key = std::minmax(r.antecedent_ids.front(), r.consequent_id);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      d.pairs.push_back(std::move(r));
      if (d.pairs.size() == 10) break;
    }
  });
}

void gather_operations(ReportData& d, store::Db& db, const Config& config) {
  section(d, "restock", [&] {
    d.running_out = analytics::restock::running_out_within_lead_time(
        db, d.shop, analytics::restock::load_restock_settings(config), d.options.to);
  });
  section(d, "support", [&] {
    d.support_queue = analytics::support::waiting_tickets(db, d.options.to);
    d.teams = analytics::support::team_support(db, d.options.from, d.options.to);
    SilentReporter quiet;  // `support triage` says what its value model could not fit; the page only counts
    for (const auto& t : analytics::support::triage_open_tickets(
             db, config, analytics::support::load_triage_config(config), d.shop, d.options.to, quiet))
      d.escalations += t.triage.escalate;
  });
  section(d, "audit", [&] { d.findings = analytics::audit::run_audit(db, config, d.shop, d.options.to, {}); });
}

}  // namespace

ReportData gather_report_data(store::Db& db, const Config& config, const ReportOptions& options) {
  ReportData d;
  d.shop = store::load_shop_settings(db, config);
  d.options = options;
  d.status = store::store_status(db, options.now);
  if (d.status.contains("shop") && d.status["shop"].is_object() && d.status["shop"]["name"].is_string())
    d.shop_name = d.status["shop"]["name"].get<std::string>();
  gather_kpis(d, db);
  d.cohorts = analytics::cohort_retention(db, d.shop, options.from, options.to);
  gather_customers(d, db, config);
  gather_campaigns(d, db);
  gather_pairs(d, db);
  gather_operations(d, db, config);
  return d;
}

}  // namespace shopkeep::report
