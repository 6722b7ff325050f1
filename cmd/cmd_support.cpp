// shopkeep support sentiment|triage: which tickets need a human now, and why.
#include <memory>

#include <fmt/format.h>

#include "analytics/support/customer_standing.hpp"
#include "analytics/support/evaluation.hpp"
#include "analytics/support/sentiment_lines.hpp"
#include "analytics/support/tag_plan.hpp"
#include "analytics/support/triage.hpp"
#include "analytics/support/triage_config.hpp"
#include "analytics/support/triage_report.hpp"
#include "analytics/support/vader.hpp"
#include "core/error.hpp"
#include "http/http_client.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"
#include "sync/tuning.hpp"
#include "zendesk/connection_settings.hpp"
#include "zendesk/ticket_update.hpp"

namespace shopkeep::cmd {

namespace {

namespace support = analytics::support;

struct SentimentOptions {
  std::string file = "-";
  bool shop_lexicon = false;
};

struct TriageOptions {
  bool apply = false;
  bool all = false;
  std::optional<std::string> evaluate, cacert;
};

void run_sentiment(Context& ctx, const SentimentOptions& o) {
  const auto& vader = support::Vader::standard();
  bool table = ctx.format() == output::Format::table;
  if (!o.shop_lexicon) {
    ctx.write_listing(support::sentiment_lines(
        o.file, [&](std::string_view text) { return vader.polarity_scores(text); }, table));
    return;
  }
  auto lexicon = support::load_triage_config(ctx.config()).lexicon;
  ctx.write_listing(support::sentiment_lines(
      o.file, [&](std::string_view text) { return lexicon.score(vader, text).polarity; }, table));
}

void run_evaluate(Context& ctx, const std::string& file) {
  support::Triager triager(support::load_triage_config(ctx.config()));
  auto evaluation = support::evaluate(support::read_labelled_tickets(file), triager);
  if (ctx.format() == output::Format::table)
    ctx.out() << support::evaluation_text(evaluation);
  else
    ctx.write_object(support::to_json(evaluation));
}

std::vector<support::TagChange> plan_changes(const std::vector<support::TriagedTicket>& triaged,
                                             const support::TriageConfig& config) {
  std::vector<support::TagChange> changes;
  for (const auto& t : triaged)
    if (auto change = support::plan_tag_change(t.ticket.facts.ticket_id, t.ticket.facts.tags, t.ticket.facts.priority,
                                               t.triage, config.escalate_priority, t.ticket.updated_at))
      changes.push_back(std::move(*change));
  return changes;
}

// Writes each change with one request; the store takes the ticket Zendesk returns, so a second run
// finds nothing to change. Tickets changed in Zendesk since the last sync are left alone.
void apply_changes(Context& ctx, store::Db& db, const std::vector<support::TagChange>& changes,
                   const std::optional<std::string>& cacert) {
  if (changes.empty()) {
    ctx.reporter().info("nothing to write to Zendesk: every open ticket has its tags");
    return;
  }
  auto connection = zendesk::connection_from_settings(ctx.config(), sync::Tuning::from_environment());
  auto http = http::make_curl_client(http::client_options_from_settings(ctx.config(), cacert));
  http::RealSleeper sleeper;
  zendesk::ApiClient client(*http, sleeper, ctx.reporter(), connection);
  int updated = 0, current = 0;
  std::vector<std::int64_t> skipped;
  for (size_t i = 0; i < changes.size(); ++i) {
    const auto& c = changes[i];
    ctx.reporter().progress("updating tickets", i, changes.size());
    auto result = zendesk::write_ticket(client, {c.ticket_id, c.tags, c.priority_to, c.updated_stamp});
    switch (result.outcome) {
      case zendesk::WriteOutcome::updated: ++updated; break;
      case zendesk::WriteOutcome::already_current: ++current; break;
      case zendesk::WriteOutcome::changed_meanwhile:
        ctx.reporter().warn(
            fmt::format("ticket {} changed in Zendesk since the last sync; left as it is", c.ticket_id));
        skipped.push_back(c.ticket_id);
        break;
      case zendesk::WriteOutcome::gone:
        ctx.reporter().warn(fmt::format("ticket {} no longer exists in Zendesk", c.ticket_id));
        skipped.push_back(c.ticket_id);
        break;
    }
    if (!result.ticket.is_null()) zendesk::store_ticket(db, result.ticket, ctx.reporter(), format_rfc3339(ctx.now()));
    ctx.reporter().debug(fmt::format("ticket {}: {}", c.ticket_id, support::describe(c)));
  }
  ctx.reporter().progress_done();
  const auto& stats = client.stats();
  ctx.reporter().info(
      fmt::format("updated {} tickets in Zendesk ({} already up to date, {} skipped; {} requests, {} "
                  "retries, {} rate-limited)",
                  updated, current, skipped.size(), stats.requests, stats.retries, stats.rate_limited));
  if (!skipped.empty())
    throw Error(ExitCode::partial, fmt::format("{} of {} tickets were not updated", skipped.size(), changes.size()),
                "run 'shopkeep sync zendesk' and apply again");
}

void report_dry_run(Context& ctx, const std::vector<support::TagChange>& changes) {
  for (const auto& c : changes)
    ctx.reporter().info(fmt::format("would update ticket {}: {}", c.ticket_id, support::describe(c)));
  ctx.reporter().info(changes.empty()
                          ? "nothing to write to Zendesk: every open ticket has its tags"
                          : fmt::format("dry run: {} tickets would change; add --apply to write the tags to "
                                        "Zendesk",
                                        changes.size()));
}

void run_triage(Context& ctx, const TriageOptions& o) {
  if (o.evaluate) {
    if (o.apply) throw usage_error("--evaluate scores a labelled file; it cannot be combined with --apply");
    run_evaluate(ctx, *o.evaluate);
    return;
  }
  auto config = support::load_triage_config(ctx.config());
  // Settings first: a bad Zendesk URL or missing credentials fail before any work.
  auto base = zendesk::base_url_if_configured(ctx.config());
  if (o.apply) zendesk::connection_from_settings(ctx.config(), sync::Tuning::from_environment());
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  auto triaged = support::triage_open_tickets(*store, ctx.config(), config, shop, ctx.now(), ctx.reporter());
  bool table = ctx.format() == output::Format::table;
  output::Json rows = output::Json::array();
  int escalated = 0;
  for (const auto& t : triaged) {
    escalated += t.triage.escalate;
    if (t.triage.escalate || o.all)
      rows.push_back(table ? support::triage_table_row(t, base) : support::triage_row(t, base));
  }
  ctx.write_listing(rows);
  if (table)
    ctx.reporter().info(fmt::format("{} of {} open tickets to escalate (score >= {}){}", escalated, triaged.size(),
                                    config.threshold, o.all ? "" : "; --all lists every open ticket"));
  auto changes = plan_changes(triaged, config);
  if (o.apply)
    apply_changes(ctx, *store, changes, o.cacert);
  else
    report_dry_run(ctx, changes);
}

}  // namespace

void setup_support(CLI::App& command, Registry& registry) {
  auto* support = &command;

  auto triage_options = std::make_shared<TriageOptions>();
  auto* triage = support->add_subcommand("triage", "Open tickets to escalate, with category, sentiment and reasons");
  auto* apply = triage->add_flag("--apply", triage_options->apply, "write the tags (and priority) back to Zendesk");
  triage->add_flag("--all", triage_options->all, "list every open ticket, escalated or not");
  triage->add_option("--evaluate", triage_options->evaluate, "score a labelled file of ticket texts instead")
      ->type_name("FILE");
  triage->add_option("--cacert", triage_options->cacert, "with --apply: PEM file of CA certificates to trust "
                                                         "(env SHOPKEEP_CA_BUNDLE, http.ca_bundle)")
      ->type_name("FILE")
      ->needs(apply);
  triage->footer(
      "Reads the open tickets of the store (new, open, pending, hold) and scores each 0-100: negative or\n"
      "worsening sentiment of the requester's messages (VADER plus the ecommerce lexicon), threats of\n"
      "legal action or chargebacks, safety issues, reply targets per priority, the customer's value (CLV\n"
      "percentile, VIP segment), the order at stake, repeated contacts, reopens, bad ratings. Tickets at\n"
      "or above support.escalate_threshold (30) escalate; every reason is listed with its points.\n"
      "Without --apply nothing is written: the tags each ticket would get are printed on stderr. --apply\n"
      "sets shopkeep_escalate and shopkeep_category_<category> (one request per changed ticket, safe\n"
      "against changes made in Zendesk since the last sync; exit 4 when some were skipped).\n"
      "--evaluate FILE scores a labelled JSON-lines file instead (format: docs/support.md).\n"
      "Config: [support] in the config file (thresholds, points, reply hours, lexicon, categories).\n"
      "Example: shopkeep support triage --json | jq -r '.[] | \"\\(.escalation_score) \\(.url)\"'");
  registry.on_run(triage, [triage_options](Context& ctx) { run_triage(ctx, *triage_options); });

  auto sentiment_options = std::make_shared<SentimentOptions>();
  auto* sentiment = support->add_subcommand("sentiment", "VADER sentiment of each line of text");
  sentiment->add_option("FILE", sentiment_options->file, "text, one item a line; - or nothing reads stdin");
  sentiment->add_flag("--shop-lexicon", sentiment_options->shop_lexicon,
                      "add the ecommerce lexicon (support.lexicon) on top of VADER, as triage scores messages");
  sentiment->footer(
      "VADER (Hutto & Gilbert 2014), reproducing the reference implementation: compound in -1..1\n"
      "(>= 0.05 positive, <= -0.05 negative), and the proportions pos, neu, neg of the line's words.\n"
      "compound is rounded to 4 decimals, the proportions to 3, as the reference rounds them.\n"
      "Example: shopkeep support sentiment reviews.txt --json | jq 'map(.compound) | add / length'");
  registry.on_run(sentiment, [sentiment_options](Context& ctx) { run_sentiment(ctx, *sentiment_options); });
}

}  // namespace shopkeep::cmd
