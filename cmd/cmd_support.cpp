// shopkeep support sentiment|triage: which tickets need a human now, and why.
#include <memory>

#include "analytics/support/evaluation.hpp"
#include "analytics/support/sentiment_lines.hpp"
#include "analytics/support/triage.hpp"
#include "analytics/support/triage_config.hpp"
#include "analytics/support/vader.hpp"
#include "core/error.hpp"
#include "registry.hpp"

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
  std::optional<std::string> evaluate;
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

void run_triage(Context& ctx, const TriageOptions& o) {
  if (o.evaluate) {
    if (o.apply) throw usage_error("--evaluate scores a labelled file; it cannot be combined with --apply");
    run_evaluate(ctx, *o.evaluate);
    return;
  }
  throw usage_error("support triage on the store is not implemented yet");
}

}  // namespace

void setup_support(CLI::App& root, Registry& registry) {
  auto* support = root.add_subcommand("support", "Support tickets: sentiment, categories, who to escalate");

  auto triage_options = std::make_shared<TriageOptions>();
  auto* triage = support->add_subcommand("triage", "Open tickets to escalate, with category, sentiment and reasons");
  triage->add_flag("--apply", triage_options->apply, "write the tags (and priority) back to Zendesk");
  triage->add_flag("--all", triage_options->all, "list every open ticket, escalated or not");
  triage->add_option("--evaluate", triage_options->evaluate, "score a labelled file of ticket texts instead")
      ->type_name("FILE");
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
