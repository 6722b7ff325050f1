// shopkeep kpi [--from T] [--to T] [--by day|week|month] [--by-channel]: the shop's numbers per period.
#include <fmt/format.h>

#include <memory>
#include <tuple>

#include "analytics/kpi.hpp"
#include "completes.hpp"
#include "core/error.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"
#include "validators.hpp"

namespace shopkeep::cmd {

namespace {

struct KpiCommandOptions {
  std::optional<std::string> from, to;
  std::string by = "month";
  bool by_channel = false;
};

// Every period split by sales channel: period by period, the channels by name within each.
output::Json kpis_by_channel(store::Db& store, analytics::KpiOptions options, const store::ShopSettings& shop) {
  std::vector<std::vector<analytics::PeriodKpis>> per_channel;
  for (const auto& channel : analytics::order_channels(store, options.from, options.to)) {
    options.channel = channel;
    per_channel.push_back(analytics::shop_kpis(store, options, shop));
  }
  auto rows = output::Json::array();
  for (size_t period = 0; !per_channel.empty() && period < per_channel.front().size(); ++period)
    for (const auto& periods : per_channel) rows.push_back(to_json(periods[period], shop));
  return rows;
}

void run_kpi(Context& ctx, const KpiCommandOptions& flags) {
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  analytics::KpiOptions options;
  options.by = analytics::parse_period_kind(flags.by);
  std::tie(options.from, options.to) =
      parse_range_args(flags.from, flags.to, analytics::default_kpi_range(options.by, ctx.now(), shop.zone), shop.zone);
  if (!analytics::has_kpi_data(*store)) {
    ctx.reporter().info("No orders, checkouts or tickets in the store yet: run 'shopkeep import' or 'shopkeep sync'.");
    if (ctx.format() != output::Format::table) ctx.write_listing(output::Json::array());
    return;
  }
  if (flags.by_channel) {
    auto rows = kpis_by_channel(*store, options, shop);
    if (rows.empty()) ctx.reporter().info("No orders or refunds in the range, so no channels to split by.");
    ctx.write_listing(rows);
    return;
  }
  auto rows = output::Json::array();
  for (const auto& period : analytics::shop_kpis(*store, options, shop)) rows.push_back(to_json(period, shop));
  ctx.write_listing(rows);
}

}  // namespace

void setup_kpi(CLI::App& command, Registry& registry) {
  auto flags = std::make_shared<KpiCommandOptions>();
  auto* cmd = &command;
  cmd->add_option("--from", flags->from, "first instant (RFC 3339, or YYYY-MM-DD = local midnight), inclusive");
  cmd->add_option("--to", flags->to, "last instant, exclusive");
  cmd->add_option("--by", flags->by, "period: day, week (ISO, Monday first) or month")
      ->check(one_of(analytics::period_kind_names()))
      ->capture_default_str();
  cmd->add_flag("--by-channel", flags->by_channel,
                "split each period by the orders' sales channel (Shopify's sourceName: web, pos, ...)");
  cmd->footer(
      "Default: --by month from the start of the 12th period before the one holding --now, to --now,\n"
      "in the shop's time zone; a period cut by --from or --to is marked \"partial\": true.\n"
      "Fields and definitions: docs/audit-kpi.md. Money is a decimal string with `currency`; rates\n"
      "are numbers, each with its numerator and denominator (<rate>_n, <rate>_of); null where the data\n"
      "is missing. Refunds fall in the period of the refund, as in Shopify's sales reports.\n"
      "--by-channel: one row per period and channel (field `channel`, `unknown` without one), the\n"
      "channels by name; checkout and support figures belong to no channel and are null there.\n"
      "Example: shopkeep kpi --by week --from 2026-01-01 --format csv > weekly.csv");
  registry.on_run(cmd, [flags](Context& ctx) { run_kpi(ctx, *flags); });
}

}  // namespace shopkeep::cmd
