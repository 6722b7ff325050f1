#pragma once
// The `recommend` commands over the store: recommendations for a product or a customer (or all of
// them), association rules, and the offline evaluation of cli.md.
//
// Other features (email campaigns) use a Recommender: the store is read and the model learned once,
// then asked for as many customers as needed. The Json-returning functions below are kept for the
// commands and the demo; they build a Recommender each call.
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analytics/recommend/evaluate.hpp"
#include "analytics/recommend/model.hpp"
#include "core/config.hpp"
#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::recommend {

enum class Method { fbt, similar, personal, refill };
Method parse_method(const std::string& name);  // usage error for anything else
const char* method_name(Method m);
std::vector<std::string> method_names();  // what parse_method accepts

using Json = nlohmann::ordered_json;

// One recommended product (cli.md `recommend --json`), best first in every list.
struct Recommendation {
  std::int64_t product_id = 0;
  std::string handle;  // empty = null
  std::string title;
  double score = 0;
  Method method = Method::personal;
  std::string reason;
  bool repeat = false;  // for a customer: a product they bought before (a consumable coming back)
};
void to_json(Json& j, const Recommendation& r);

// A row of `recommend --all`: for a customer (customer_id, email) or for a product (for_product_id).
struct RecommendationRow {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> email;
  std::optional<std::int64_t> for_product_id;
  Recommendation recommendation;
};
void to_json(Json& j, const RecommendationRow& r);

struct Options {
  ModelOptions model;       // thresholds and personal's parameters
  bool marketable = false;  // --all for customers: only those who may get marketing mail
};
// The shop's time zone and [recommend] config keys (docs/recommend.md): trend_days, trend_power,
// recency_decay, min_confidence, min_pair_count, neighbours.
Options recommend_options(store::Db& db, const Config& config);

class Recommender {
 public:
  Recommender(store::Db& db, Instant now, Options options = {});
  ~Recommender();

  // A product by id or handle: fbt or similar (usage error for the others); runtime error when unknown.
  std::vector<Recommendation> for_product(const std::string& product, Method method, size_t k) const;
  // A customer by id, as of --now (an unknown customer: personal falls back to best sellers, the
  // others give nothing).
  std::vector<Recommendation> for_customer(std::int64_t customer_id, Method method, size_t k) const;
  // Every available product (fbt, similar) or every customer (personal, refill), row by row.
  void for_all(Method method, size_t k, const std::function<void(const RecommendationRow&)>& sink) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The customer id of an email (normalised), or nullopt.
std::optional<std::int64_t> find_customer(store::Db& db, const std::string& email);

using RowSink = std::function<void(const Json&)>;

// For one product (id or handle): fbt or similar. Exit 1 when the product is unknown.
Json recommend_for_product(store::Db& db, Instant now, const std::string& product, Method method, size_t k,
                           const Options& options = {});
// For one customer (email): personal, refill, or fbt/similar anchored on their purchases.
Json recommend_for_customer(store::Db& db, Instant now, const std::string& email, Method method, size_t k,
                            const Options& options = {});
// Every product (fbt, similar) or every customer (personal, refill), row by row.
void recommend_all(store::Db& db, Instant now, Method method, size_t k, const RowSink& sink,
                   const Options& options = {});

// One association rule (cli.md `recommend rules --json`, plus the products' ids).
struct RuleRow {
  std::vector<std::string> antecedent;  // titles
  std::vector<std::int64_t> antecedent_ids;
  std::string consequent;
  std::int64_t consequent_id = 0;
  double support = 0, confidence = 0, lift = 0;
  std::int64_t count = 0;
};
void to_json(Json& j, const RuleRow& r);
std::vector<RuleRow> association_rule_rows(store::Db& db, Instant now, double min_support, double min_confidence,
                                           int max_length);
// cli.md `recommend rules --json`.
Json rules(store::Db& db, Instant now, double min_support, double min_confidence, int max_length);

// cli.md `recommend evaluate --json` (the last-order protocol at k).
Json evaluate(store::Db& db, Instant now, size_t k);

}  // namespace shopkeep::analytics::recommend
