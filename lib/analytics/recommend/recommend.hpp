#pragma once
// The `recommend` commands over the store: recommendations for a product or a customer (or all of
// them), association rules, and the offline evaluation of cli.md.
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::recommend {

enum class Method { fbt, similar, personal, refill };
Method parse_method(const std::string& name);  // usage error for anything else
const char* method_name(Method m);
std::vector<std::string> method_names();  // what parse_method accepts

using Json = nlohmann::ordered_json;
using RowSink = std::function<void(const Json&)>;

// For one product (id or handle): fbt or similar. Exit 1 when the product is unknown.
Json recommend_for_product(store::Db& db, Instant now, const std::string& product, Method method, size_t k);
// For one customer (email): personal, refill, or fbt/similar anchored on their purchases.
Json recommend_for_customer(store::Db& db, Instant now, const std::string& email, Method method, size_t k);
// Every product (fbt, similar) or every customer (personal, refill), row by row.
void recommend_all(store::Db& db, Instant now, Method method, size_t k, const RowSink& sink);

// cli.md `recommend rules --json`.
Json rules(store::Db& db, Instant now, double min_support, double min_confidence, int max_length);

// cli.md `recommend evaluate --json`.
Json evaluate(store::Db& db, Instant now, size_t k);

}  // namespace shopkeep::analytics::recommend
