// shopkeep carts [report]: the cart-recovery plan, and the proof (or not) that it pays.
#include <memory>

#include "analytics/carts/cart_config.hpp"
#include "analytics/carts/cart_plan.hpp"
#include "analytics/carts/cart_report.hpp"
#include "completes.hpp"
#include "core/error.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"
#include "validators.hpp"

namespace shopkeep::cmd {

namespace {

struct CartsOptions {
  std::string campaign = "cart-recovery";
  std::optional<std::string> min_age, max_age;
  std::optional<double> holdout;
  bool all = false;
};

struct ReportOptions {
  std::string campaign = "cart-recovery";
  std::optional<std::string> from, to;
  std::string window = "7d";
};

void run_carts(Context& ctx, const CartsOptions& o) {
  auto config = analytics::carts::load_cart_config(ctx.config());
  if (o.min_age) config.min_age = parse_duration(*o.min_age, "--min-age");
  if (o.max_age) config.max_age = parse_duration(*o.max_age, "--max-age");
  if (o.holdout) config.holdout_percent = *o.holdout;  // checked at the flag
  if (config.min_age > config.max_age) throw usage_error("--min-age is longer than --max-age");
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  analytics::carts::PlanOptions plan{o.campaign, ctx.now(), o.all, false, true};
  ctx.write_listing(analytics::carts::plan_carts_json(*store, plan, config, shop));
}

void run_report(Context& ctx, const ReportOptions& o) {
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  analytics::carts::ReportOptions report;
  report.campaign = o.campaign;
  if (o.from) report.from = parse_time_arg(*o.from, shop.zone, "--from");
  if (o.to) report.to = parse_time_arg(*o.to, shop.zone, "--to");
  if (report.from && report.to && *report.from > *report.to)
    throw usage_error("--from " + *o.from + " is after --to " + *o.to);
  report.window = parse_duration(o.window, "--window");
  report.now = ctx.now();
  ctx.write_object(analytics::carts::cart_report(*store, report, shop));
}

}  // namespace

void setup_carts(CLI::App& command, Registry& registry) {
  auto options = std::make_shared<CartsOptions>();
  auto* carts = &command;
  carts->add_option("--campaign", options->campaign, "campaign name (holdout and send log are per campaign)")
      ->capture_default_str()
      ->check(completes({options->campaign}));
  carts->add_option("--min-age", options->min_age, "ignore checkouts active more recently than this (default 1h)");
  carts->add_option("--max-age", options->max_age, "ignore checkouts inactive longer than this (default 7d)");
  carts->add_option("--holdout", options->holdout, "percent of people held out, for new assignments (default 10)")
      ->check(number_between(0, 100));
  carts->add_flag("--all", options->all, "also list excluded checkouts with their reason");
  carts->footer(
      "Each eligible checkout gets the latest step that is due (1h, 24h, 72h by default), a segment\n"
      "(customer type new/returning/vip and cart value low/mid/high against the shop's AOV) and an\n"
      "incentive (discounts only on the last step, capped by the margin guard). Held-out people get no\n"
      "email but are tracked. Exclusion reasons: completed, test, no_email, suppressed, ordered_since,\n"
      "unavailable, no_consent, not_due, already_contacted, frequency_cap. Rules: docs/carts.md.\n"
      "Example: shopkeep carts --json | jq '.[] | select(.group == \"treatment\")'");
  registry.on_run(carts, [options](Context& ctx) { run_carts(ctx, *options); });

  auto report_options = std::make_shared<ReportOptions>();
  auto* report = carts->add_subcommand("report", "Recovery in treatment vs holdout: uplift and its significance");
  report->add_option("--campaign", report_options->campaign, "campaign name")
      ->capture_default_str()
      ->check(completes({report_options->campaign}));
  report->add_option("--from", report_options->from, "first planning time (RFC 3339 or YYYY-MM-DD, inclusive)");
  report->add_option("--to", report_options->to, "last planning time (exclusive)");
  report->add_option("--window", report_options->window, "attribution window after the checkout")
      ->capture_default_str();
  report->footer(
      "Recovered: the checkout completed, or its customer ordered within the window after it.\n"
      "p_value: two-sided two-proportion z-test (pooled); ci_low/ci_high: 95% Wald interval of the\n"
      "absolute uplift; conclusive: p < 0.05 with at least 30 checkouts in each group.");
  registry.on_run(report, [report_options](Context& ctx) { run_report(ctx, *report_options); });
}

}  // namespace shopkeep::cmd
