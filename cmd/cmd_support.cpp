// shopkeep support sentiment|triage: which tickets need a human now, and why.
#include <memory>

#include "analytics/support/sentiment_lines.hpp"
#include "analytics/support/vader.hpp"
#include "registry.hpp"

namespace shopkeep::cmd {

namespace {

namespace support = analytics::support;

struct SentimentOptions {
  std::string file = "-";
};

void run_sentiment(Context& ctx, const SentimentOptions& o) {
  const auto& vader = support::Vader::standard();
  bool table = ctx.format() == output::Format::table;
  ctx.write_listing(support::sentiment_lines(
      o.file, [&](std::string_view text) { return vader.polarity_scores(text); }, table));
}

}  // namespace

void setup_support(CLI::App& root, Registry& registry) {
  auto* support = root.add_subcommand("support", "Support tickets: sentiment, categories, who to escalate");

  auto sentiment_options = std::make_shared<SentimentOptions>();
  auto* sentiment = support->add_subcommand("sentiment", "VADER sentiment of each line of text");
  sentiment->add_option("FILE", sentiment_options->file, "text, one item a line; - or nothing reads stdin");
  sentiment->footer(
      "VADER (Hutto & Gilbert 2014), reproducing the reference implementation: compound in -1..1\n"
      "(>= 0.05 positive, <= -0.05 negative), and the proportions pos, neu, neg of the line's words.\n"
      "compound is rounded to 4 decimals, the proportions to 3, as the reference rounds them.\n"
      "Example: shopkeep support sentiment reviews.txt --json | jq 'map(.compound) | add / length'");
  registry.on_run(sentiment, [sentiment_options](Context& ctx) { run_sentiment(ctx, *sentiment_options); });
}

}  // namespace shopkeep::cmd
