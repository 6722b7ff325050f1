// shopkeep kpi [--from T] [--to T] [--by day|week|month]: the shop's numbers per period.
#include <memory>

#include "analytics/kpi.hpp"
#include "completes.hpp"
#include "core/error.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::cmd {

namespace {

struct KpiFlags {
  std::optional<std::string> from, to;
  std::string by = "month";
};

void run_kpi(Context& ctx, const KpiFlags& flags) {
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  analytics::KpiOptions options;
  options.by = analytics::parse_period_kind(flags.by);
  auto [default_from, default_to] = analytics::whole_months_before(ctx.now(), 12, shop.zone);
  options.from = flags.from ? parse_time_arg(*flags.from, shop.zone, "--from") : default_from;
  options.to = flags.to ? parse_time_arg(*flags.to, shop.zone, "--to") : default_to;
  if (!(options.from < options.to)) throw usage_error("--from must be before --to");
  ctx.write_listing(analytics::shop_kpis(*store, options, shop));
}

}  // namespace

void setup_kpi(CLI::App& root, Registry& registry) {
  auto flags = std::make_shared<KpiFlags>();
  auto* cmd = root.add_subcommand("kpi", "Shop KPIs per day, week or month");
  cmd->add_option("--from", flags->from, "first instant (RFC 3339, or YYYY-MM-DD = local midnight), inclusive");
  cmd->add_option("--to", flags->to, "last instant, exclusive");
  cmd->add_option("--by", flags->by, "period: day, week (ISO, Monday first) or month")
      ->capture_default_str()
      ->check(completes(analytics::period_kind_names()));
  cmd->footer(
      "Default: --by month over the 12 whole months before --now, in the shop's time zone.\n"
      "Fields and definitions: docs/audit-kpi.md. Money is a decimal string with `currency`; rates\n"
      "are numbers; null where the data is missing.\n"
      "Example: shopkeep kpi --by week --from 2026-01-01 --format csv > weekly.csv");
  registry.on_run(cmd, [flags](Context& ctx) { run_kpi(ctx, *flags); });
}

}  // namespace shopkeep::cmd
