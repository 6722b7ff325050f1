// shopkeep brief: Monday morning on one screen.
#include <memory>

#include "registry.hpp"
#include "report/brief.hpp"

namespace shopkeep::cmd {

void setup_brief(CLI::App& command, Registry& registry) {
  command.footer(
      "The week is the last complete ISO week (Monday to Sunday, shop time) before the day of --now:\n"
      "on a Monday morning, last week. It is compared with the week before and with the same ISO week\n"
      "a year earlier (orders, net sales, AOV, checkout conversion, CSAT, as kpi --by week counts\n"
      "them). Then the actions, most urgent first, each with the command that lists them, and how\n"
      "fresh the data is.\n"
      "Example: shopkeep brief --json | jq '.actions[] | select(.count > 0) | .command'");
  registry.on_run(&command, [](Context& ctx) {
    auto store = ctx.open_store();
    auto brief = report::gather_brief(*store, ctx.config(), ctx.now());
    if (ctx.format() == output::Format::table)
      ctx.out() << report::brief_text(brief);
    else
      ctx.write_object(report::to_json(brief));
  });
}

}  // namespace shopkeep::cmd
