// shopkeep recommend [rules|evaluate]: what to show or send each customer next.
#include <memory>

#include "analytics/recommend/recommend.hpp"
#include "completes.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "registry.hpp"
#include "validators.hpp"

namespace shopkeep::cmd {

namespace {

namespace rec = analytics::recommend;

struct RecommendCommandOptions {
  std::optional<std::string> product, customer, method, split_date;
  bool all = false, marketable = false, validation = false;
  size_t k = 10;
  double min_support = 0.01, min_confidence = 0.25;
  int max_length = 10;
};

void run_recommend(Context& ctx, const RecommendCommandOptions& f) {
  int targets = (f.product ? 1 : 0) + (f.customer ? 1 : 0) + (f.all ? 1 : 0);
  if (targets != 1) throw usage_error("give exactly one of --product, --customer or --all");
  if (f.k == 0) throw usage_error("-k must be at least 1");
  if (f.marketable && !f.all) throw usage_error("--marketable goes with --all", "it picks who may get marketing mail");
  auto method = rec::parse_method(f.method.value_or(f.product ? "fbt" : "personal"));
  if (f.marketable && (method == rec::Method::fbt || method == rec::Method::similar))
    throw usage_error("--marketable is for customers", "use it with --method personal or refill");
  auto store = ctx.open_store();
  auto options = rec::recommend_options(*store, ctx.config());
  options.marketable = f.marketable;
  if (f.product)
    return ctx.write_listing(rec::recommend_for_product(*store, ctx.now(), *f.product, method, f.k, options));
  if (f.customer)
    return ctx.write_listing(rec::recommend_for_customer(*store, ctx.now(), *f.customer, method, f.k, options));
  rec::Recommender recommender(*store, ctx.now(), options);
  if (ctx.format() == output::Format::ndjson) {  // stream: nothing held back
    recommender.for_all(method, f.k,
                        [&](const rec::RecommendationRow& row) { ctx.out() << output::Json(row).dump() << '\n'; });
    return;
  }
  output::Json rows = output::Json::array();
  recommender.for_all(method, f.k, [&](const rec::RecommendationRow& row) { rows.push_back(row); });
  ctx.write_listing(rows);
}

void run_evaluate(Context& ctx, const RecommendCommandOptions& f) {
  if (f.k == 0) throw usage_error("-k must be at least 1");
  if (f.split_date && f.validation) throw usage_error("give --split-date or --validation, not both");
  auto store = ctx.open_store();
  auto options = rec::recommend_options(*store, ctx.config());
  rec::EvaluateOptions evaluate;
  evaluate.k = f.k;
  evaluate.model = options.model;
  if (f.validation) evaluate.protocol = rec::Protocol::validation;
  if (f.split_date) {
    evaluate.protocol = rec::Protocol::split_date;
    evaluate.split_date = parse_time_arg(*f.split_date, options.model.zone, "--split-date");
    if (evaluate.split_date >= ctx.now())
      throw usage_error("--split-date must be before --now", "the orders from it to --now are the test data");
  }
  ctx.write_object(output::Json(rec::evaluate_purchases(rec::load_purchases(*store, ctx.now()), evaluate)));
}

}  // namespace

void setup_recommend(CLI::App& command, Registry& registry) {
  auto f = std::make_shared<RecommendCommandOptions>();
  auto* cmd = &command;
  cmd->add_option("--product", f->product, "a product id or handle");
  cmd->add_option("--customer", f->customer, "a customer's email");
  cmd->add_flag("--all", f->all, "every product (fbt, similar) or every customer (personal, refill)");
  cmd->add_flag("--marketable", f->marketable,
                "with --all: only customers subscribed to marketing mail and not suppressed");
  cmd->add_option("-k", f->k, "recommendations per product or customer")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  cmd->add_option("--method", f->method,
                  "fbt, similar, personal or refill (default: fbt for a product, personal otherwise)")
      ->check(completes(rec::method_names()));
  cmd->footer(
      "Only active, in-stock products are recommended; fbt and similar leave out the products at hand.\n"
      "A customer's durables never come back; consumables (re-bought by several customers) may.\n"
      "Methods and scores: docs/recommend.md. --all with --format ndjson streams row by row.\n"
      "Examples: shopkeep recommend --product coffee-beans --json\n"
      "          shopkeep recommend --customer ann@example.com --method refill");
  registry.on_run(cmd, [f](Context& ctx) { run_recommend(ctx, *f); });

  auto* rules = cmd->add_subcommand("rules", "Association rules over orders (FP-growth)");
  rules->add_option("--min-support", f->min_support, "minimum support, a fraction of orders")
      ->check(fraction())
      ->capture_default_str();
  rules->add_option("--min-confidence", f->min_confidence, "minimum confidence, a fraction")
      ->check(fraction())
      ->capture_default_str();
  rules->add_option("--max-length", f->max_length, "maximum items in a rule")->capture_default_str();
  rules->footer(
      "Minimum count = ceil(S x orders). Rules have one consequent; best lift first.\n"
      "Each rule also has antecedent_ids and consequent_id (product ids).\n"
      "Example: shopkeep recommend rules --min-support 0.006 --min-confidence 0.25 --json");
  registry.on_run(rules, [f](Context& ctx) {
    auto store = ctx.open_store();
    ctx.write_listing(rec::rules(*store, ctx.now(), f->min_support, f->min_confidence, f->max_length));
  });

  auto* evaluate = cmd->add_subcommand("evaluate", "Offline evaluation of every method against the baselines");
  evaluate->add_option("-k", f->k, "recommendations per test customer")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  evaluate->add_option("--split-date", f->split_date,
                       "train on the orders before T, test on what each customer bought from T to --now");
  evaluate->add_flag("--validation", f->validation,
                     "the protocol one order earlier (every last order dropped, the one before held out)");
  evaluate->footer(
      "Test customers: at least two orders before --now; their last order is held out, the rest trains.\n"
      "Per method (popularity, own_history, fbt, similar, personal, refill): hit rate, recall and NDCG\n"
      "at k, and the share of recommended products the customer had bought before (repeat_share).\n"
      "--split-date T: customers with orders before T and from T on; for shops with few repeat buyers.\n"
      "Example: shopkeep recommend evaluate -k 10 --json");
  registry.on_run(evaluate, [f](Context& ctx) { run_evaluate(ctx, *f); });
}

}  // namespace shopkeep::cmd
