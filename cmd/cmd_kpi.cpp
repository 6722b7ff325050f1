// shopkeep kpi [--from T] [--to T] [--by day|week|month]: the shop's numbers per period.
#include <fmt/format.h>

#include <memory>

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
};

void run_kpi(Context& ctx, const KpiCommandOptions& flags) {
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  analytics::KpiOptions options;
  options.by = analytics::parse_period_kind(flags.by);
  auto [default_from, default_to] = analytics::default_kpi_range(options.by, ctx.now(), shop.zone);
  options.from = flags.from ? parse_time_arg(*flags.from, shop.zone, "--from") : default_from;
  options.to = flags.to ? parse_time_arg(*flags.to, shop.zone, "--to") : default_to;
  if (!(options.from < options.to))
    throw usage_error(
        fmt::format("--from ({}) must be before --to ({})", format_rfc3339(options.from), format_rfc3339(options.to)),
        flags.to ? "" : "--to defaults to --now");
  if (!analytics::has_kpi_data(*store)) {
    ctx.reporter().info("No orders, checkouts or tickets in the store yet: run 'shopkeep import' or 'shopkeep sync'.");
    if (ctx.format() != output::Format::table) ctx.write_listing(output::Json::array());
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
  cmd->footer(
      "Default: --by month from the start of the 12th period before the one holding --now, to --now,\n"
      "in the shop's time zone; a period cut by --from or --to is marked \"partial\": true.\n"
      "Fields and definitions: docs/audit-kpi.md. Money is a decimal string with `currency`; rates\n"
      "are numbers, each with its numerator and denominator (<rate>_n, <rate>_of); null where the data\n"
      "is missing.\n"
      "Example: shopkeep kpi --by week --from 2026-01-01 --format csv > weekly.csv");
  registry.on_run(cmd, [flags](Context& ctx) { run_kpi(ctx, *flags); });
}

}  // namespace shopkeep::cmd
