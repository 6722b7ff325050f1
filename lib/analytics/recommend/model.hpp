#pragma once
// The recommendation methods, learned from purchases:
// - fbt: products bought in the same orders as the anchor products (confidence, lift tiebreak);
// - similar: item-to-item collaborative filtering (Linden, Smith & York 2003): cosine similarity of
//   the products' customer sets, top-N neighbours per product;
// - personal: a customer's own repeat purchases blended with products similar to their history;
// - refill: consumables' typical repeat interval, and whether a customer's refill is due;
// - popularity and own_history: the baselines of `recommend evaluate`.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/recommend/purchases.hpp"

namespace shopkeep::analytics::recommend {

struct Scored {
  Item item;
  double score;
  std::string reason;
};

struct ModelOptions {
  size_t neighbours = 50;                 // top-N similar items kept per item
  std::int64_t min_refill_customers = 3;  // customers with a repeat before an interval is trusted
  bool only_available = true;             // never recommend inactive or out-of-stock products
};

class Model {
 public:
  Model(const std::vector<Purchase>& purchases, const Catalog& catalog, ModelOptions options = {});

  std::vector<Scored> fbt(const std::vector<Item>& basket, size_t k) const;
  std::vector<Scored> similar(const std::vector<Item>& basket, size_t k) const;
  std::vector<Scored> personal(std::int64_t customer, size_t k) const;
  std::vector<Scored> refill(std::int64_t customer, Instant now, size_t k) const;
  std::vector<Scored> popularity(size_t k, const std::vector<Item>& exclude = {}) const;
  std::vector<Scored> own_history(std::int64_t customer, size_t k) const;

  // The customer's items with the number of their orders containing each (sorted by item).
  const std::vector<std::pair<Item, int>>* history(std::int64_t customer) const;
  const std::vector<Item>* last_basket(std::int64_t customer) const;
  std::optional<double> refill_interval_days(Item item) const;

 private:
  bool allowed(Item item) const;
  std::vector<Scored> top(std::unordered_map<Item, std::pair<double, std::string>>& scores, size_t k) const;
  // Built on first use, so each method pays only for what it needs.
  void build_together() const;
  void build_neighbours() const;
  int customer_index(std::int64_t customer) const;

  const Catalog& catalog_;
  ModelOptions options_;
  std::vector<std::int64_t> orders_with_;   // per item
  std::vector<std::vector<Item>> baskets_;  // per order, for fbt
  // Per customer (dense index): items with the number of their orders containing each, sorted by item;
  // when each item was last bought; and the last basket.
  std::unordered_map<std::int64_t, int> customer_index_;
  std::vector<std::vector<std::pair<Item, int>>> history_;
  std::vector<std::vector<std::pair<Item, Instant>>> last_bought_;
  std::vector<std::vector<Item>> last_basket_;
  std::vector<double> refill_days_;  // per item, 0 = not a consumable
  std::vector<Item> by_popularity_;
  std::int64_t orders_ = 0;
  mutable bool together_built_ = false, neighbours_built_ = false;
  mutable std::vector<std::vector<std::pair<Item, std::int32_t>>> together_;  // per item: co-ordered items, counts
  mutable std::vector<std::vector<std::pair<Item, double>>> neighbours_;      // per item: cosine top-N
};

}  // namespace shopkeep::analytics::recommend
