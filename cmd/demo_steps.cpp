#include "demo_steps.hpp"

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "analytics/audit/audit.hpp"
#include "analytics/carts/cart_config.hpp"
#include "analytics/carts/cart_plan.hpp"
#include "analytics/carts/cart_report.hpp"
#include "analytics/customer_profile.hpp"
#include "analytics/kpi.hpp"
#include "analytics/recommend/recommend.hpp"
#include "analytics/rfm.hpp"
#include "analytics/support/customer_standing.hpp"
#include "analytics/support/triage_report.hpp"
#include "analytics/value/customer_value.hpp"
#include "store/shop_settings.hpp"
#include "store/status.hpp"
#include "zendesk/connection_settings.hpp"

namespace shopkeep::cmd {

namespace {

DemoResult status_step(DemoRun& run) {
  auto status = store::store_status(run.db);
  const auto& t = status["tables"];
  return {status, fmt::format("{} customers, {} orders, {} products, {} abandoned checkouts, {} tickets",
                              t["customers"].get<std::int64_t>(), t["orders"].get<std::int64_t>(),
                              t["products"].get<std::int64_t>(), t["checkouts"].get<std::int64_t>(),
                              t["tickets"].get<std::int64_t>())};
}

DemoResult best_customer_step(DemoRun& run) {
  store::Stmt top(run.db,
                  "SELECT c.email FROM orders o JOIN customers c ON c.id = o.customer_id "
                  "WHERE o.test = 0 AND o.cancelled_at IS NULL AND c.email IS NOT NULL "
                  "GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1");
  if (!top.step()) return {output::Json::object(), "no customer with orders"};
  auto profile =
      analytics::customer_profile(run.db, top.get_text(0), store::load_shop_settings(run.db, run.ctx.config()));
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
    rows.push_back({{"check", f.check},
                    {"category", f.category},
                    {"severity", audit::severity_name(f.severity)},
                    {"subject", f.subject},
                    {"message", f.message}});
  }
  return {rows, fmt::format("{} findings: {} errors, {} warnings, {} info", findings.size(), by_severity[2],
                            by_severity[1], by_severity[0])};
}

DemoResult kpi_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  analytics::KpiOptions options;
  std::tie(options.from, options.to) = analytics::whole_months_before(run.now, 12, shop.zone);
  auto rows = analytics::shop_kpis(run.db, options, shop);
  if (rows.empty()) return {rows, "no periods"};
  const auto& last = rows.back();
  return {rows,
          fmt::format(
              "last month {}: {} orders, {} {} net sales, AOV {}, returning customer rate {:.0f}%",
              last["period_start"].get<std::string>(), last["orders"].get<std::int64_t>(),
              last["net_sales"].get<std::string>(), last["currency"].get<std::string>(),
              last["aov"].is_null() ? "-" : last["aov"].get<std::string>(),
              last["returning_customer_rate"].is_null() ? 0.0 : last["returning_customer_rate"].get<double>() * 100)};
}

DemoResult rfm_step(DemoRun& run) {
  auto rows = analytics::rfm_rows(run.db, run.now, store::load_shop_settings(run.db, run.ctx.config()));
  std::map<std::string, int> segments;
  for (const auto& r : rows) ++segments[r["segment"].get<std::string>()];
  return {rows, fmt::format("{} customers: {} Champions, {} At Risk, {} Can't Lose Them, {} Lost", rows.size(),
                            segments["Champions"], segments["At Risk"], segments["Can't Lose Them"], segments["Lost"])};
}

DemoResult value_step(DemoRun& run) {
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  auto options = analytics::value::value_options(run.ctx.config(), run.now);
  auto model = analytics::value::fit_value_model(run.db, options, shop);
  auto rows = analytics::value::customer_values(model, options, shop);
  int at_risk = 0;
  for (const auto& r : rows) at_risk += r["at_risk"].get<bool>();
  const auto& b = model.bgnbd.params;
  output::Json result{{"model", analytics::value::model_json(model, shop)}, {"customers", rows}};
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
  analytics::carts::PlanOptions options{"cart-recovery", run.now, true};
  auto plan = analytics::carts::plan_carts(run.db, options, config, shop);
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

// The escalation queue: the open tickets a person should pick up now, worst first.
DemoResult support_step(DemoRun& run) {
  namespace support = analytics::support;
  auto shop = store::load_shop_settings(run.db, run.ctx.config());
  auto config = support::load_triage_config(run.ctx.config());
  auto standings =
      support::CustomerStandings::compute(run.db, run.ctx.config(), shop, run.now, config.vip_tags, run.ctx.reporter());
  support::Triager triager(config);
  auto triaged =
      support::triage_tickets(support::load_open_tickets(run.db, config, shop, run.now, standings), triager, run.now);
  auto base = zendesk::zendesk_base_url_if_configured(run.ctx.config());
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
      {"status", status_step},          {"audit", audit_step},           {"kpi", kpi_step},
      {"customers-rfm", rfm_step},      {"customers-value", value_step}, {"customer", best_customer_step},
      {"recommend", recommend_step},    {"carts", carts_step},           {"carts-report", carts_report_step},
      {"support-triage", support_step},
  };
  return steps;
}

}  // namespace shopkeep::cmd
