#include "demo_steps.hpp"

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "analytics/audit/audit.hpp"
#include "analytics/campaigns/campaign.hpp"
#include "analytics/carts/cart_config.hpp"
#include "analytics/carts/cart_plan.hpp"
#include "analytics/carts/cart_report.hpp"
#include "analytics/customer_profile.hpp"
#include "analytics/kpi.hpp"
#include "analytics/recommend/recommend.hpp"
#include "analytics/restock/restock_plan.hpp"
#include "analytics/rfm.hpp"
#include "analytics/support/customer_standing.hpp"
#include "analytics/support/triage_report.hpp"
#include "analytics/value/customer_value.hpp"
#include "core/atomic_file.hpp"
#include "core/data_dir.hpp"
#include "core/money.hpp"
#include "email/render_campaign.hpp"
#include "email/settings.hpp"
#include "email/templates.hpp"
#include "report/brief.hpp"
#include "report/render_report.hpp"
#include "report/report_data.hpp"
#include "report/report_templates.hpp"
#include "store/shop_settings.hpp"
#include "store/status.hpp"
#include "zendesk/connection_settings.hpp"

namespace shopkeep::cmd {

namespace {

DemoResult status_step(DemoRun& run) {
  auto status = store::store_status(run.db, run.now);
  const auto& t = status["tables"];
  return {status, fmt::format("{} customers, {} orders, {} products, {} abandoned checkouts, {} tickets",
                              t["customers"].get<std::int64_t>(), t["orders"].get<std::int64_t>(),
                              t["products"].get<std::int64_t>(), t["checkouts"].get<std::int64_t>(),
                              t["tickets"].get<std::int64_t>())};
}

DemoResult best_customer_step(DemoRun& run) {
  store::Stmt top(run.db,
                  "SELECT c.email FROM counted_orders o JOIN customers c ON c.id = o.customer_id "
                  "WHERE c.email IS NOT NULL "
                  "GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1");
  if (!top.step()) return {output::Json::object(), "no customer with orders"};
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  auto profile = to_json(analytics::customer_profile(run.db, top.get_text(0), shop), shop);
  return {profile, fmt::format("most frequent customer: {} orders, {} {} spent, {} tickets",
                               profile["orders"].get<std::int64_t>(), profile["spend"].get<std::string>(),
                               profile["currency"].get<std::string>(), profile["tickets"].get<std::int64_t>())};
}

DemoResult audit_step(DemoRun& run) {
  namespace audit = analytics::audit;
  auto findings =
      audit::run_audit(run.db, run.ctx.config(), store::load_shop_settings(run.db, run.ctx.config()), run.now, {});
  output::Json rows = output::Json::array();
  int by_severity[3] = {0, 0, 0};
  for (const auto& f : findings) {
    ++by_severity[static_cast<int>(f.severity)];
    rows.push_back(to_json(f));
  }
  return {rows, fmt::format("{} findings: {} errors, {} warnings, {} info", findings.size(), by_severity[2],
                            by_severity[1], by_severity[0])};
}

DemoResult kpi_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  analytics::KpiOptions options;
  std::tie(options.from, options.to) = analytics::whole_months_before(run.now, 12, shop.zone);
  auto periods = analytics::shop_kpis(run.db, options, shop);
  output::Json rows = output::Json::array();
  for (const auto& p : periods) rows.push_back(to_json(p, shop));
  if (periods.empty()) return {rows, "no periods"};
  const auto& last = periods.back();
  auto returning = last.returning_customer_rate.value();
  return {rows, fmt::format("last month {}: {} orders, {} {} net sales, AOV {}, returning customer rate {:.0f}%",
                            format_date(last.period_start), last.orders,
                            format_minor_units(last.net_sales(), shop.currency_exponent), shop.currency,
                            last.aov ? format_minor_units(*last.aov, shop.currency_exponent) : "-",
                            returning.value_or(0) * 100)};
}

DemoResult rfm_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  output::Json rows = output::Json::array();
  std::map<std::string, int> segments;
  for (const auto& score : analytics::rfm_scores(run.db, run.now, shop)) {
    ++segments[score.segment];
    rows.push_back(to_json(score, shop));
  }
  return {rows, fmt::format("{} customers: {} Champions, {} At Risk, {} Can't Lose Them, {} Lost", rows.size(),
                            segments["Champions"], segments["At Risk"], segments["Can't Lose Them"], segments["Lost"])};
}

DemoResult value_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  auto options = analytics::value::value_options(run.ctx.config(), run.now);
  auto model = analytics::value::fit_value_model(run.db, options, shop);
  output::Json rows = output::Json::array();
  int at_risk = 0;
  for (const auto& v : analytics::value::customer_values(model, options, shop)) {
    at_risk += v.at_risk;
    rows.push_back(to_json(v, shop));
  }
  const auto& b = model.bgnbd.params;
  output::Json result{{"model", analytics::value::to_json(model)}, {"customers", rows}};
  return {result, fmt::format("BG/NBD r={:.3f} alpha={:.2f} a={:.3f} b={:.3f}; {} customers at risk", b.r, b.alpha, b.a,
                              b.b, at_risk)};
}

DemoResult recommend_step(DemoRun& run) {
  namespace rec = analytics::recommend;
  auto evaluation = rec::evaluate(run.db, run.now, 10);
  auto rules = rec::rules(run.db, run.now, 0.01, 0.25, 10);
  std::string summary = fmt::format("{} rules at support 1%; hit rate at 10 over {} test customers:", rules.size(),
                                    evaluation["test_customers"].get<std::int64_t>());
  for (const auto& m : evaluation["methods"])
    summary += fmt::format(" {} {:.2f}", m["method"].get<std::string>(),
                           m["hit_rate"].is_null() ? 0.0 : m["hit_rate"].get<double>());
  return {{{"evaluate", evaluation}, {"rules", rules}}, summary};
}

DemoResult carts_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  auto config = analytics::carts::load_cart_config(run.ctx.config());
  analytics::carts::PlanOptions options{"cart-recovery", run.now, true, false, true};
  auto plan = analytics::carts::plan_carts_json(run.db, options, config, shop);
  int eligible = 0, held = 0;
  for (const auto& row : plan)
    if (!row["step"].is_null()) ++eligible, held += row["group"] == "holdout";
  return {plan,
          fmt::format("{} recent abandoned checkouts, {} to chase now ({} held out)", plan.size(), eligible, held)};
}

DemoResult carts_report_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  analytics::carts::ReportOptions options;
  options.now = run.now;
  auto report = analytics::carts::cart_report(run.db, options, shop);
  return {report, fmt::format("{} planned in treatment, {} in holdout; conclusive: {}",
                              report["treatment"]["checkouts"].get<std::int64_t>(),
                              report["holdout"]["checkouts"].get<std::int64_t>(),
                              report["conclusive"].get<bool>() ? "yes" : "no")};
}

DemoResult restock_step(DemoRun& run) {
  namespace restock = analytics::restock;
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  auto plan = restock::plan_restock(run.db, shop, restock::load_restock_settings(run.ctx.config()), run.now);
  output::Json rows = output::Json::array();
  int to_order = 0, soon = 0, overstocked = 0;
  for (const auto& row : plan.rows) {
    to_order += restock::needs_reorder(row);
    soon += restock::runs_out_within_lead_time(row, plan.today);
    overstocked += row.overstock;
    rows.push_back(restock::restock_row_json(row, shop));
  }
  return {rows, fmt::format("{} tracked variants: {} to reorder now, {} run out within their lead time, {} overstocked",
                            plan.rows.size(), to_order, soon, overstocked)};
}

DemoResult report_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  report::ReportOptions options;
  options.now = run.now;
  std::tie(options.from, options.to) = report::default_report_range(run.now, shop.zone);
  auto templates = report::ReportTemplates::load(std::nullopt, default_templates_dir());
  auto html = report::render_report(report::gather_report_data(run.db, run.ctx.config(), options), templates);
  auto file = run.dir / "report.html";
  write_file_atomically(file, html);
  output::Json sections = output::Json::array();
  for (const auto& heading : report::report_section_headings()) sections.push_back(heading);
  return {{{"file", file.string()}, {"bytes", html.size()}, {"sections", sections}},
          fmt::format("the dashboard: open {} in a browser", file.string())};
}

DemoResult brief_step(DemoRun& run) {
  auto brief = report::gather_brief(run.db, run.ctx.config(), run.now);
  // The brief is a screen for people: the demo shows it whole, after the one-line summaries.
  run.ctx.reporter().info("\n" + report::brief_text(brief));
  const auto* first = brief.actions.empty() || brief.actions.front().count == 0 ? nullptr : &brief.actions.front();
  return {report::to_json(brief),
          fmt::format("week of {}: {} orders; first to do: {}", format_date(brief.weeks.week), brief.week.orders,
                      first ? first->message + " ($ " + first->command + ")" : "nothing")};
}

// Every campaign rendered into DIR/email/<campaign>/ (.eml files and manifest.json), with the sample
// shop's own sender, address and unsubscribe links where the config sets none.
DemoResult email_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  auto settings = email::load_email_settings(run.ctx.config(), run.db, shop);
  if (!settings.from) settings.from = email::Mailbox{"Northwind Coffee", "hello@northwind-coffee.example"};
  if (settings.postal_address.empty())
    settings.postal_address = "Northwind Coffee, Hafenstrasse 12, 20457 Hamburg, Germany";
  if (settings.unsubscribe_url.empty() && settings.unsubscribe_mailto.empty()) {
    settings.unsubscribe_url = "https://northwind-coffee.example/unsubscribe?t={{token}}";
    settings.unsubscribe_secret = "northwind-demo";  // fixed, so that two demos write the same messages
    settings.unsubscribe_mailto = "mailto:unsubscribe@northwind-coffee.example?subject=unsubscribe";
  }
  if (settings.shop_url.empty() || settings.shop_url.find("myshopify") != std::string::npos)
    settings.shop_url = "https://northwind-coffee.example";
  settings.fallback_discount_codes["free_shipping"] = "FREESHIP";
  for (int p = 5; p <= 90; ++p)
    settings.fallback_discount_codes["percent_" + std::to_string(p)] = "SAVE" + std::to_string(p);
  output::Json result = output::Json::object();
  std::string summary;
  for (auto kind : analytics::campaigns::all_kinds()) {
    std::string name = analytics::campaigns::kind_name(kind);
    auto templates =
        email::TemplateSet::load(name, std::nullopt, std::optional<std::filesystem::path>(default_templates_dir()));
    email::RenderRequest request{name, run.dir / "email" / name, std::nullopt, run.now};
    auto outcome =
        email::render_campaign(run.db, run.ctx.config(), shop, settings, templates, request, run.ctx.reporter());
    result[name] = {{"messages", outcome.files.size()}, {"folder", request.out_dir.string()}};
    summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", outcome.files.size(), name);
  }
  return {result, fmt::format("rendered {} messages into {}/<campaign>/ (.eml + manifest.json)", summary,
                              (run.dir / "email").string())};
}

// The escalation queue: the open tickets a person should pick up now, worst first.
DemoResult support_step(DemoRun& run) {
  namespace support = analytics::support;
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  auto config = support::load_triage_config(run.ctx.config());
  auto triaged = support::triage_open_tickets(run.db, run.ctx.config(), config, shop, run.now, run.ctx.reporter());
  auto base = zendesk::base_url_if_configured(run.ctx.config());
  output::Json queue = output::Json::array();
  for (const auto& t : triaged)
    if (t.triage.escalate) queue.push_back(support::triage_row(t, base));
  std::string summary = fmt::format("{} of {} open tickets to escalate", queue.size(), triaged.size());
  if (!queue.empty())
    summary += fmt::format("; worst: ticket {} ({}, score {}: {})", queue[0]["ticket_id"].get<std::int64_t>(),
                           queue[0]["category"].get<std::string>(), queue[0]["escalation_score"].get<int>(),
                           queue[0]["reasons"][0]["reason"].get<std::string>());
  return {queue, summary};
}

}  // namespace

const std::vector<DemoStep>& demo_steps() {
  static const std::vector<DemoStep> steps = {
      {"status", status_step},       {"audit", audit_step},           {"kpi", kpi_step},
      {"customers-rfm", rfm_step},   {"customers-value", value_step}, {"customer", best_customer_step},
      {"recommend", recommend_step}, {"carts", carts_step},           {"carts-report", carts_report_step},
      {"restock", restock_step},     {"email", email_step},           {"support-triage", support_step},
      {"report", report_step},       {"brief", brief_step},
  };
  return steps;
}

}  // namespace shopkeep::cmd
