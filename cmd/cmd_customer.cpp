// shopkeep customer show|export|forget EMAIL: one person across Shopify and Zendesk.
#include <memory>

#include "analytics/customer_profile.hpp"
#include "analytics/rfm.hpp"
#include "analytics/value/customer_value.hpp"
#include "core/error.hpp"
#include "privacy/export.hpp"
#include "privacy/forget.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::cmd {

namespace {

struct CustomerCommandOptions {
  std::string email;
  bool dry_run = false;
};

CLI::App* add_email_command(CLI::App* parent, const std::string& name, const std::string& help,
                            CustomerCommandOptions& options) {
  auto* cmd = parent->add_subcommand(name, help);
  cmd->add_option("EMAIL", options.email, "the person's email (matched trimmed, case-insensitively)")->required();
  return cmd;
}

// The scores that exist for this customer: RFM segment, and P(alive) and CLV when the store has
// enough data for the value model (otherwise they are simply absent).
void add_scores(Context& ctx, store::Db& db, const store::ShopSettings& shop, output::Json& profile) {
  if (profile["customer_id"].is_null()) return;
  auto id = profile["customer_id"].get<std::int64_t>();
  for (const auto& score : analytics::rfm_scores(db, ctx.now(), shop))
    if (score.customer_id == id) profile["segment"] = score.segment;
  namespace value = analytics::value;
  try {
    auto summary = value::customer_summary(db, id, ctx.now(), shop);
    if (!summary) return;
    auto options = value::value_options(ctx.config(), ctx.now());
    auto scores = value::to_json(
        value::score_customer(value::cached_value_model(db, options, shop), *summary, options, shop), shop);
    for (const char* key : {"p_alive", "expected_purchases", "clv", "at_risk"}) profile[key] = scores[key];
  } catch (const Error& e) {
    ctx.reporter().debug(std::string("no value scores: ") + e.what());
  }
}

void run_show(Context& ctx, const CustomerCommandOptions& o) {
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  auto profile = analytics::customer_profile(*store, o.email, shop);
  add_scores(ctx, *store, shop, profile);
  ctx.write_object(profile);
}

void run_export(Context& ctx, const CustomerCommandOptions& o) {
  auto store = ctx.open_store();
  // An export is one JSON document whatever --format says: it nests every table's rows.
  ctx.out() << privacy::export_person(*store, o.email).dump(2) << '\n';
}

void run_forget(Context& ctx, const CustomerCommandOptions& o) {
  auto store = ctx.open_store();
  auto result = privacy::forget_person(*store, o.email, o.dry_run, ctx.now());
  if (ctx.format() != output::Format::table) {
    ctx.write_object(result);
    return;
  }
  std::string what;
  for (const auto& [table, n] : result["rows_deleted"].items())
    what += (what.empty() ? "" : ", ") + std::to_string(n.get<std::int64_t>()) + " " + table;
  std::int64_t total = result["total"].get<std::int64_t>();
  if (o.dry_run)
    ctx.reporter().info(total ? "would delete " + what + " (dry run: nothing changed)"
                              : "nothing stored about that person (dry run)");
  else
    ctx.reporter().info((total ? "deleted " + what : std::string("nothing was stored about that person")) +
                        "; later imports and syncs will skip them");
}

}  // namespace

void setup_customer(CLI::App& command, Registry& registry) {
  auto options = std::make_shared<CustomerCommandOptions>();
  auto* customer = &command;

  auto* show = add_email_command(customer, "show", "Unified profile: Shopify + Zendesk + scores", *options);
  show->footer(
      "Example: shopkeep customer show ann@example.com --json | jq .orders\n"
      "Exit 1 when nobody with that email is stored.");
  registry.on_run(show, [options](Context& ctx) { run_show(ctx, *options); });

  auto* exp = add_email_command(customer, "export",
                                "Everything stored about the person, as one JSON document (access request)", *options);
  exp->footer("Rows of every table, raw JSON included. Exit 1 when nobody with that email is stored.");
  registry.on_run(exp, [options](Context& ctx) { run_export(ctx, *options); });

  auto* forget =
      add_email_command(customer, "forget", "Erase the person locally; later imports and syncs skip them", *options);
  forget->add_flag("--dry-run", options->dry_run, "show what would be deleted, change nothing");
  forget->footer(
      "Deletes every row about the person in one transaction, keeps only one-way hashes (table\n"
      "suppressions) so they are not brought back, and logs what kinds of rows went (privacy_log).\n"
      "No prompt. Someone not stored is a no-op (exit 0); their email is still suppressed.");
  registry.on_run(forget, [options](Context& ctx) { run_forget(ctx, *options); });
}

}  // namespace shopkeep::cmd
