// shopkeep restock [evaluate]: which variants run out, when, and how many to order; and how well
// the forecasts behind that did on the store's own history.
#include <nlohmann/json.hpp>

#include <cmath>
#include <memory>

#include "analytics/restock/restock_evaluation.hpp"
#include "analytics/restock/restock_plan.hpp"
#include "core/error.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::cmd {

namespace restock = analytics::restock;

namespace {

struct RestockCommandOptions {
  std::optional<double> horizon, lead_time, service_level;
  bool all = false;
};

struct RestockEvaluateCommandOptions {
  int holdout_weeks = 8;
  std::optional<int> top;
  std::optional<double> lead_time, service_level;
};

// Positive finite numbers of days up to ten years, checked where the flag is parsed (exit 2).
CLI::Validator days_validator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        try {
          size_t used = 0;
          double v = std::stod(text, &used);
          if (used == text.size() && std::isfinite(v) && v > 0 && v <= restock::kMaxDays) return "";
        } catch (const std::exception&) {
        }
        return "'" + text + "' is not a number of days (positive, at most " + std::to_string(restock::kMaxDays) + ")";
      },
      "DAYS");
}

CLI::Validator probability_validator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        try {
          size_t used = 0;
          double v = std::stod(text, &used);
          if (used == text.size() && std::isfinite(v) && v > 0 && v < 1) return "";
        } catch (const std::exception&) {
        }
        return "'" + text + "' is not a probability strictly between 0 and 1 (e.g. 0.95)";
      },
      "P");
}

void apply_flags(restock::RestockSettings& settings, const std::optional<double>& lead_time,
                 const std::optional<double>& service_level) {
  if (lead_time) settings.lead_time_flag = restock::whole_days(*lead_time, "--lead-time");
  if (service_level) settings.service_level = restock::service_level_value(*service_level, "--service-level");
}

void run_restock(Context& ctx, const RestockCommandOptions& flags) {
  auto settings = restock::load_restock_settings(ctx.config());
  apply_flags(settings, flags.lead_time, flags.service_level);
  if (flags.horizon) settings.horizon_days = restock::whole_days(*flags.horizon, "--horizon");
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  auto plan = restock::plan_restock(*store, shop, settings, ctx.now());
  output::Json rows = output::Json::array();
  int to_order = 0;
  for (const auto& row : plan.rows) {
    bool reorder = restock::needs_reorder(row);
    to_order += reorder;
    if (flags.all || reorder) rows.push_back(restock::restock_row_json(row, shop));
  }
  ctx.reporter().debug("safety factor " + std::to_string(plan.safety_factor) + " from " +
                       std::to_string(plan.calibration_residuals) + " backtest residuals");
  if (ctx.format() == output::Format::table && rows.empty())
    ctx.reporter().info(plan.rows.empty() ? "no active variant with tracked inventory"
                                          : "nothing to reorder now (--all lists every tracked variant)");
  ctx.write_listing(rows);
  if (ctx.format() == output::Format::table && !rows.empty())
    ctx.reporter().info(std::to_string(to_order) + " of " + std::to_string(plan.rows.size()) +
                        " tracked variants to reorder now");
}

void run_evaluate(Context& ctx, const RestockEvaluateCommandOptions& flags) {
  auto settings = restock::load_restock_settings(ctx.config());
  apply_flags(settings, flags.lead_time, flags.service_level);
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  restock::EvaluationOptions options{ctx.now(), flags.holdout_weeks, flags.top};
  auto result = restock::evaluation_json(restock::evaluate_restock(*store, shop, settings, options));
  if (ctx.format() == output::Format::table || ctx.format() == output::Format::csv) {
    // People and spreadsheets get the methods as a table; the rest of the report follows as key/value lines.
    ctx.write_listing(result["methods"]);
    if (ctx.format() == output::Format::table) {
      output::Json rest = result;
      rest.erase("methods");
      ctx.out() << '\n';
      ctx.write_object(rest);
    }
    return;
  }
  ctx.write_object(result);
}

}  // namespace

void setup_restock(CLI::App& command, Registry& registry) {
  auto flags = std::make_shared<RestockCommandOptions>();
  auto* cmd = &command;
  cmd->add_option("--horizon", flags->horizon, "days an order should last after it arrives (default 30)")
      ->check(days_validator());
  cmd->add_option("--lead-time", flags->lead_time,
                  "days from ordering to stock on hand, for every variant (default 14, or per vendor or "
                  "product type in [restock])")
      ->check(days_validator());
  cmd->add_option("--service-level", flags->service_level,
                  "chance that stock lasts through the lead time, 0 < P < 1 (default 0.95)")
      ->check(probability_validator());
  cmd->add_flag("--all", flags->all, "list every active variant with tracked inventory, not only those to reorder");
  cmd->footer(
      "Per variant: demand forecast by a backtest on its own history: the 8-week rate, or its mean with a\n"
      "challenger that beat it by 10% (blend of 4- and 8-week rates, SES, SBA, TSB, yearly where a year\n"
      "exists); day-of-week profile where significant; days out of stock left out. reorder_point = lead-time demand + "
      "safety stock, calibrated on the store's own forecast\n"
      "errors for the service level; reorder_quantity = up to the reorder point plus the horizon's demand,\n"
      "when on_hand is at or below the reorder point. Worst first: soonest stockout, then revenue at risk.\n"
      "Fractions of days round up. Config [restock]: lead_time_days, horizon_days, service_level,\n"
      "overstock_days, [restock.lead_time_by_vendor], [restock.lead_time_by_product_type]. docs/restock.md.\n"
      "Example: shopkeep restock --json | jq -r '.[] | [.sku, .reorder_quantity] | @tsv'");
  registry.on_run(cmd, [flags](Context& ctx) { run_restock(ctx, *flags); });

  auto eval_flags = std::make_shared<RestockEvaluateCommandOptions>();
  auto* evaluate = cmd->add_subcommand("evaluate", "Backtest of the forecast methods against the naive baselines");
  evaluate->add_option("--holdout-weeks", eval_flags->holdout_weeks, "weeks before --now held out")
      ->capture_default_str()
      ->check(CLI::Range(1, 520));
  evaluate->add_option("--top", eval_flags->top, "only the N best sellers before the cut-off (default: every series)")
      ->check(CLI::Range(1, 1000000));
  evaluate->add_option("--lead-time", eval_flags->lead_time, "lead time for the reorder-point coverage (days)")
      ->check(days_validator());
  evaluate->add_option("--service-level", eval_flags->service_level, "service level of the reorder points")
      ->check(probability_validator());
  evaluate->footer(
      "Rolling origin: each held-out week is forecast from the data before it (MASE, RMSSE, bias of the\n"
      "weekly totals); total_abs_error: the whole holdout forecast at the cut-off, summed over series;\n"
      "total_vs_naive: its ratio to the 8-week naive rate's. reorder_points.coverage: the share of series\n"
      "whose lead-time demand stayed at or below the reorder point, from each weekly origin in the\n"
      "holdout, against the service level (poisson_coverage: a Poisson reorder point on the 8-week rate).\n"
      "Example: shopkeep restock evaluate --holdout-weeks 8 --top 100 --json");
  registry.on_run(evaluate, [eval_flags](Context& ctx) { run_evaluate(ctx, *eval_flags); });
}

}  // namespace shopkeep::cmd
