#pragma once
// The requested cost of a GraphQL Admin API query by Shopify's documented rules, computed before
// sending it (so a page never exceeds the 1,000-point single-query limit and the client waits for
// the bucket to hold it): a scalar or enum costs 0, an object 1, a connection 2 plus `first` times
// the cost of one of its nodes (nested connections multiply), a list of objects with `first` that
// many objects, a mutation 10. Shopify's answer has the last word (extensions.cost.requestedQueryCost);
// this is the estimate before it.
#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace shopkeep::shopify {

// The requested cost of `document` (our own queries: one operation, fields with arguments and
// selection sets, inline fragments) with `variables` ($first and the like). Throws a runtime error
// for a document it cannot read.
double requested_cost(std::string_view document, const nlohmann::json& variables);

// Shopify's single-query limit: a query whose requested cost is above it is refused (MAX_COST_EXCEEDED).
inline constexpr double kMaxQueryCost = 1000;

}  // namespace shopkeep::shopify
