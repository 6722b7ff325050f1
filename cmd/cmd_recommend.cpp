// shopkeep recommend [rules|evaluate]: what to show or send each customer next.
#include <memory>

#include "analytics/recommend/recommend.hpp"
#include "completes.hpp"
#include "core/error.hpp"
#include "registry.hpp"

namespace shopkeep::cmd {

namespace {

namespace rec = analytics::recommend;

struct RecommendFlags {
  std::optional<std::string> product, customer, method;
  bool all = false;
  size_t k = 10;
  double min_support = 0.01, min_confidence = 0.25;
  int max_length = 10;
};

void run_recommend(Context& ctx, const RecommendFlags& f) {
  int targets = (f.product ? 1 : 0) + (f.customer ? 1 : 0) + (f.all ? 1 : 0);
  if (targets != 1) throw usage_error("give exactly one of --product, --customer or --all");
  if (f.k == 0) throw usage_error("-k must be at least 1");
  auto method = rec::parse_method(f.method.value_or(f.product ? "fbt" : "personal"));
  auto store = ctx.open_store();
  if (f.product) return ctx.write_listing(rec::recommend_for_product(*store, ctx.now(), *f.product, method, f.k));
  if (f.customer) return ctx.write_listing(rec::recommend_for_customer(*store, ctx.now(), *f.customer, method, f.k));
  if (ctx.format() == output::Format::ndjson) {  // stream: nothing held back
    rec::recommend_all(*store, ctx.now(), method, f.k,
                       [&](const output::Json& row) { ctx.out() << row.dump() << '\n'; });
    return;
  }
  output::Json rows = output::Json::array();
  rec::recommend_all(*store, ctx.now(), method, f.k, [&](const output::Json& row) { rows.push_back(row); });
  ctx.write_listing(rows);
}

}  // namespace

void setup_recommend(CLI::App& root, Registry& registry) {
  auto f = std::make_shared<RecommendFlags>();
  auto* cmd =
      root.add_subcommand("recommend", "Products to show or send next: bought together, similar, personal, refills");
  cmd->add_option("--product", f->product, "a product id or handle");
  cmd->add_option("--customer", f->customer, "a customer's email");
  cmd->add_flag("--all", f->all, "every product (fbt, similar) or every customer (personal, refill)");
  cmd->add_option("-k", f->k, "recommendations per product or customer")->capture_default_str();
  cmd->add_option("--method", f->method,
                  "fbt, similar, personal or refill (default: fbt for a product, personal otherwise)")
      ->check(completes(rec::method_names()));
  cmd->footer(
      "Only active, in-stock products are recommended; fbt and similar leave out the products at hand.\n"
      "Methods and scores: docs/recommend.md. --all with --format ndjson streams row by row.\n"
      "Examples: shopkeep recommend --product coffee-beans --json\n"
      "          shopkeep recommend --customer ann@example.com --method refill");
  registry.on_run(cmd, [f](Context& ctx) { run_recommend(ctx, *f); });

  auto* rules = cmd->add_subcommand("rules", "Association rules over orders (FP-growth)");
  rules->add_option("--min-support", f->min_support, "minimum support, a fraction of orders")->capture_default_str();
  rules->add_option("--min-confidence", f->min_confidence, "minimum confidence, a fraction")->capture_default_str();
  rules->add_option("--max-length", f->max_length, "maximum items in a rule")->capture_default_str();
  rules->footer(
      "Minimum count = ceil(S x orders). Rules have one consequent; best lift first.\n"
      "Example: shopkeep recommend rules --min-support 0.006 --min-confidence 0.25 --json");
  registry.on_run(rules, [f](Context& ctx) {
    auto store = ctx.open_store();
    ctx.write_listing(rec::rules(*store, ctx.now(), f->min_support, f->min_confidence, f->max_length));
  });

  auto* evaluate = cmd->add_subcommand("evaluate", "Offline evaluation of every method against the baselines");
  evaluate->add_option("-k", f->k, "recommendations per test customer")->capture_default_str();
  evaluate->footer(
      "Test customers: at least two orders before --now; their last order is held out, the rest trains.\n"
      "Hit rate and recall at k for popularity, own_history, fbt, similar, personal and refill.");
  registry.on_run(evaluate, [f](Context& ctx) {
    auto store = ctx.open_store();
    ctx.write_object(rec::evaluate(*store, ctx.now(), f->k));
  });
}

}  // namespace shopkeep::cmd
