// shopkeep customers rfm|value: who the best customers are, who is slipping away, and their worth.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "analytics/rfm.hpp"
#include "analytics/value/customer_value.hpp"
#include "core/error.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"
#include "validators.hpp"

namespace shopkeep::cmd {

namespace {

struct ValueCommandOptions {
  double horizon = 365;
  double discount_rate = 0.01;
  bool model = false;
};

// Said under the table: how at_risk is judged, and how this differs from `customers rfm`.
std::string value_note(const analytics::value::RepeatInterval& interval) {
  std::string one_time =
      interval.p90_days
          ? fmt::format(
                "one-time buyers (P(alive) is always 1 for them in BG/NBD) are at_risk once their order is "
                "older than {} days, the 90th percentile of the wait for a second order (median {} days)",
                *interval.p90_days, *interval.median_days)
          : std::string("one-time buyers are never at_risk here: no repeat buyer shows how long a second order takes");
  return "Note: at_risk for repeat buyers is P(alive) below value.at_risk_p_alive; " + one_time +
         ". customers rfm instead ranks recency, frequency and spend against the other customers "
         "(docs/customer-value.md).";
}

void run_value(Context& ctx, const ValueCommandOptions& flags) {
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  auto options = analytics::value::value_options(ctx.config(), ctx.now());
  options.horizon_days = flags.horizon;
  options.discount_rate = flags.discount_rate;
  auto model = analytics::value::fit_value_model(*store, options, shop);
  if (flags.model) return ctx.write_object(analytics::value::to_json(model));
  auto rows = output::Json::array();
  for (const auto& v : analytics::value::customer_values(model, options, shop)) rows.push_back(to_json(v, shop));
  ctx.write_listing(rows);
  if (ctx.format() == output::Format::table) ctx.reporter().info(value_note(model.repeat_interval));
}

}  // namespace

void setup_customers(CLI::App& command, Registry& registry) {
  auto* customers = &command;

  auto* rfm = customers->add_subcommand("rfm", "RFM quintile scores and the named segment of every customer");
  rfm->footer(
      "Recency (days since the last order), frequency (orders) and monetary (spend) before --now, each\n"
      "scored 1-5 against the other customers (5 = best; equal values get equal scores, so every one-order\n"
      "buyer has f = 1). The segment comes from R and FM = ceil((F+M)/2): Champions, Loyal, Potential\n"
      "Loyalist, New, Promising, Need Attention, About To Sleep, At Risk, Can't Lose Them, Hibernating,\n"
      "Lost (grid in docs/customer-value.md). RFM is relative and descriptive; 'customers value' is a\n"
      "model of each customer's future purchases (P(alive), CLV).\n"
      "Example: shopkeep customers rfm --json | jq 'group_by(.segment) | map({(.[0].segment): length}) | add'");
  registry.on_run(rfm, [](Context& ctx) {
    auto store = ctx.open_store();
    auto shop = store::load_shop_settings(*store, ctx.config());
    auto rows = output::Json::array();
    for (const auto& score : analytics::rfm_scores(*store, ctx.now(), shop)) rows.push_back(to_json(score, shop));
    ctx.write_listing(rows);
  });

  auto flags = std::make_shared<ValueCommandOptions>();
  auto* value = customers->add_subcommand("value", "BG/NBD + Gamma-Gamma: P(alive), expected purchases, CLV");
  value->add_option("--horizon", flags->horizon, "days ahead for expected purchases and CLV (at most 36500)")
      ->check(positive_number_at_most(36500))
      ->capture_default_str();
  value->add_option("--discount-rate", flags->discount_rate, "discount rate per 30 days, a fraction (0.01 = 1%)")
      ->check(number_between(0, 1))
      ->capture_default_str();
  value->add_flag("--model", flags->model, "print the fitted model instead of the customers");
  value->footer(
      "Fitted on the orders before --now (shop-local days, time in weeks, same-day orders one purchase).\n"
      "at_risk (at_risk_basis p_alive): a repeat buyer's P(alive) below config value.at_risk_p_alive\n"
      "(default 0.3). BG/NBD gives every one-time buyer P(alive) 1, so for them (at_risk_basis\n"
      "repeat_interval) at_risk means days_since_purchase beyond the 90th percentile of the shop's wait\n"
      "between first and second orders (--model: repeat_interval_days). Unlike 'customers rfm' (scores\n"
      "relative to the other customers), this models each customer's future. value.penalty sets an L2\n"
      "penalty. Exit 1 when there is too little data. Formulas: docs/customer-value.md.\n"
      "Example: shopkeep customers value --json | jq 'sort_by(-(.clv|tonumber)) | .[:10]'");
  registry.on_run(value, [flags](Context& ctx) { run_value(ctx, *flags); });
}

}  // namespace shopkeep::cmd
