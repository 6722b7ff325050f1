// shopkeep customer show|export|forget EMAIL: one person across Shopify and Zendesk.
#include <memory>

#include "analytics/customer_profile.hpp"
#include "analytics/recommend/recommend.hpp"
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

CLI::App* add_person_command(CLI::App* parent, const std::string& name, const std::string& help,
                             CustomerCommandOptions& options, const char* what) {
  auto* cmd = parent->add_subcommand(name, help);
  cmd->add_option(what, options.email,
                  std::string(what) == "EMAIL"
                      ? "the person's email (matched trimmed, case-insensitively)"
                      : "an email (matched trimmed, case-insensitively) or a Shopify customer id")
      ->required();
  return cmd;
}

// The scores that exist for this customer: RFM segment, and P(alive) and CLV when the store has
// enough data for the value model (otherwise they are simply absent).
void add_scores(Context& ctx, store::Db& db, const store::ShopSettings& shop, std::int64_t id, output::Json& profile) {
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

// What to offer them next: the top of `recommend --customer`.
void add_recommendations(Context& ctx, store::Db& db, std::int64_t id, output::Json& profile) {
  namespace rec = analytics::recommend;
  auto& list = profile["recommendations"] = output::Json::array();
  for (const auto& r : rec::Recommender(db, ctx.now(), rec::recommend_options(db, ctx.config()))
                           .for_customer(id, rec::Method::personal, 3))
    list.push_back({{"product_id", r.product_id}, {"title", r.title}, {"reason", r.reason}});
}

// People read the profile, then its lists as tables.
void write_profile_table(Context& ctx, const output::Json& profile) {
  output::Json flat = output::Json::object();
  for (const auto& [key, value] : profile.items())
    if (!value.is_array() || key == "tags") flat[key] = value;
  ctx.write_object(flat);
  for (const auto& [key, title] : {std::pair{"last_orders", "Last orders"},
                                   {"open_ticket_list", "Open tickets"},
                                   {"recommendations", "Recommended next"}}) {
    if (!profile.contains(key) || profile[key].empty()) continue;
    ctx.out() << '\n' << title << ":\n";
    ctx.write_listing(profile[key]);
  }
}

void run_show(Context& ctx, const CustomerCommandOptions& o) {
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  auto found = analytics::customer_profile(*store, o.email, shop);
  auto profile = to_json(found, shop);
  if (found.customer_id) {
    add_scores(ctx, *store, shop, *found.customer_id, profile);
    add_recommendations(ctx, *store, *found.customer_id, profile);
  }
  if (ctx.format() == output::Format::table) return write_profile_table(ctx, profile);
  ctx.write_object(profile);
}

void run_export(Context& ctx, const CustomerCommandOptions& o) {
  if (ctx.format() == output::Format::csv)
    throw usage_error("customer export writes one JSON document; --format csv cannot hold it",
                      "use --format json (the default) or ndjson (one line)");
  auto store = ctx.open_store();
  // An export is one JSON document: it nests every table's rows.
  auto document = privacy::export_person(*store, o.email);
  ctx.out() << (ctx.format() == output::Format::ndjson ? document.dump() : document.dump(2)) << '\n';
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
  // The answer is the command's data: stdout, whatever -q says.
  if (o.dry_run)
    ctx.out() << (total ? "would delete " + what + " (dry run: nothing changed)"
                        : "nothing stored about that person (dry run)")
              << '\n';
  else
    ctx.out() << (total ? "deleted " + what : std::string("nothing was stored about that person")) +
                     "; later imports and syncs will skip them"
              << '\n';
}

}  // namespace

void setup_customer(CLI::App& command, Registry& registry) {
  auto options = std::make_shared<CustomerCommandOptions>();
  auto* customer = &command;

  auto* show = add_person_command(customer, "show", "Unified profile: Shopify + Zendesk + scores", *options, "WHO");
  show->footer(
      "WHO is an email or a Shopify customer id. Shows contact details, tags, orders (the last five),\n"
      "abandoned checkouts, tickets (the open ones listed), CSAT, the RFM segment, P(alive) and CLV\n"
      "(from the value model, fitted once per state of the store) and three recommendations.\n"
      "Example: shopkeep customer show ann@example.com --json | jq .last_orders\n"
      "Exit 1 when nobody matches (for someone forgotten it says when).");
  registry.on_run(show, [options](Context& ctx) { run_show(ctx, *options); });

  auto* exp = add_person_command(customer, "export",
                                 "Everything stored about the person, as one JSON document (access request)", *options,
                                 "EMAIL");
  exp->footer("Rows of every table, raw JSON included. Exit 1 when nobody with that email is stored.");
  registry.on_run(exp, [options](Context& ctx) { run_export(ctx, *options); });

  auto* forget = add_person_command(customer, "forget", "Erase the person locally; later imports and syncs skip them",
                                    *options, "EMAIL");
  forget->add_flag("--dry-run", options->dry_run, "show what would be deleted, change nothing");
  forget->footer(
      "Deletes every row about the person in one transaction, keeps only one-way hashes (table\n"
      "suppressions) so they are not brought back, and logs what kinds of rows went (privacy_log).\n"
      "No prompt. Someone not stored is a no-op (exit 0); their email is still suppressed.");
  registry.on_run(forget, [options](Context& ctx) { run_forget(ctx, *options); });
}

}  // namespace shopkeep::cmd
