#pragma once
// Offline evaluation of every method against the baselines (cli.md `recommend evaluate`).
// Protocols:
// - last_order (cli.md): each customer with two or more orders is a test customer; their last
//   order is held out, everything else trains; recommendations as of the held-out order's time.
// - validation: the same one order earlier: every customer's last order is dropped first, so the
//   second-to-last is held out. What the defaults were chosen on; it never sees the last orders.
// - split_date: train on the orders before the date; a test customer has an order before it and
//   one from it to --now; held out = every product they bought from the date on; recommendations as
//   of the date. For shops where few customers have two orders.
// Metrics at k: hit rate, recall, NDCG (binary relevance), and the share of recommended products
// the customer had bought before (repeat) or not (new).
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "analytics/recommend/model.hpp"
#include "analytics/recommend/purchases.hpp"

namespace shopkeep::analytics::recommend {

enum class Protocol { last_order, validation, split_date };

struct EvaluateOptions {
  size_t k = 10;
  Protocol protocol = Protocol::last_order;
  Instant split_date{};  // split_date protocol only
  ModelOptions model;    // availability is never applied: the models are judged, not today's stock
};

struct MethodScore {
  std::string method;
  std::optional<double> hit_rate, recall, ndcg, repeat_share, new_share;  // null without test customers
};

struct Evaluation {
  size_t k = 0;
  size_t test_customers = 0;
  Protocol protocol = Protocol::last_order;
  std::optional<Instant> split_date;
  std::vector<MethodScore> methods;
};
void to_json(nlohmann::ordered_json& j, const Evaluation& e);

// The methods, in output order: the baselines first.
const std::vector<std::string>& evaluated_methods();

Evaluation evaluate_purchases(const PurchaseData& data, const EvaluateOptions& options);

}  // namespace shopkeep::analytics::recommend
