// shopkeep report [--out FILE] [--from T] [--to T] [--templates DIR]: the shop at a glance, one
// self-contained HTML file.
#include <fmt/format.h>

#include <memory>
#include <tuple>

#include "core/atomic_file.hpp"
#include "core/data_dir.hpp"
#include "core/error.hpp"
#include "registry.hpp"
#include "report/render_report.hpp"
#include "report/report_data.hpp"
#include "report/report_templates.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::cmd {

namespace {

struct ReportCommandOptions {
  std::string out = "shopkeep-report.html";
  std::optional<std::string> from, to, templates;
};

void run_report(Context& ctx, const ReportCommandOptions& flags) {
  // Templates first: a bad --templates is a usage error before any work.
  std::optional<std::filesystem::path> override_dir;
  if (flags.templates) override_dir = *flags.templates;
  std::optional<std::filesystem::path> default_root;
  try {
    default_root = default_templates_dir();
  } catch (const Error&) {
    if (!override_dir) throw;  // without --templates there is nothing to render with
  }
  auto templates = report::ReportTemplates::load(override_dir, default_root);
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  report::ReportOptions options;
  options.now = ctx.now();
  std::tie(options.from, options.to) =
      parse_range_args(flags.from, flags.to, report::default_report_range(options.now, shop.zone), shop.zone);
  ctx.reporter().progress("Gathering the report's numbers", 0, 0);
  auto data = report::gather_report_data(*store, ctx.config(), options);
  ctx.reporter().progress_done();
  for (const auto& [section, note] : data.notes) ctx.reporter().warn("report: section " + section + ": " + note);
  auto html = report::render_report(data, templates);
  if (flags.out == "-") {
    ctx.out() << html;
    return;
  }
  write_file_atomically(flags.out, html);
  ctx.reporter().info(fmt::format("Wrote {} ({} to {}).", flags.out, format_date(shop.zone.local_day(options.from)),
                                  format_date(shop.zone.local_day(options.to - std::chrono::seconds{1}))));
}

}  // namespace

void setup_report(CLI::App& command, Registry& registry) {
  auto flags = std::make_shared<ReportCommandOptions>();
  command.add_option("--out", flags->out, "the HTML file to write; - for stdout")->capture_default_str();
  command.add_option("--from", flags->from, "first instant (RFC 3339, or YYYY-MM-DD = local midnight), inclusive");
  command.add_option("--to", flags->to, "last instant, exclusive (default --now)");
  command.add_option("--templates", flags->templates,
                     "folder overriding the report templates (DIR/report/NAME.mustache or DIR/NAME.mustache)");
  command.footer(
      "One HTML file with inline CSS and SVG charts: no script, no network, prints on paper, reads on a\n"
      "phone. Sections: key numbers against the previous period and a year earlier, sales and orders per\n"
      "week, AOV, new vs returning customers, cohort retention, RFM segments, lifetime value, cart\n"
      "recovery and campaign uplift, products bought together, products running out, support, audit.\n"
      "Default range: the 12 months before the month of --now and that month up to --now (as kpi).\n"
      "Templates: page, chart, data_table, styles (.mustache); docs/report.md lists their context.\n"
      "Example: shopkeep report --from 2026-01-01 --out q1.html");
  registry.on_run(&command, [flags](Context& ctx) { run_report(ctx, *flags); });
}

}  // namespace shopkeep::cmd
