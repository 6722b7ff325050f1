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
  size_t neighbours = 50;           // top-N similar items kept per item
  std::int64_t min_refill_customers = 3;  // customers with a repeat before an interval is trusted
  bool only_available = true;       // never recommend inactive or out-of-stock products
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

  // The customer's items by number of their orders containing them.
  const std::unordered_map<Item, int>* history(std::int64_t customer) const;
  const std::vector<Item>* last_basket(std::int64_t customer) const;
  std::optional<double> refill_interval_days(Item item) const;

 private:
  bool allowed(Item item) const;
  std::vector<Scored> top(std::unordered_map<Item, std::pair<double, std::string>>& scores, size_t k) const;

  const Catalog& catalog_;
  ModelOptions options_;
  std::vector<std::int64_t> orders_with_;                                   // per item
  std::vector<std::vector<std::pair<Item, std::int32_t>>> together_;        // per item: co-ordered items and counts
  std::vector<std::vector<std::pair<Item, double>>> neighbours_;            // per item: cosine top-N
  std::unordered_map<std::int64_t, std::unordered_map<Item, int>> history_;
  std::unordered_map<std::int64_t, std::vector<Item>> last_basket_;
  std::unordered_map<std::int64_t, std::unordered_map<Item, Instant>> last_bought_;
  std::vector<double> refill_days_;                                          // per item, 0 = not a consumable
  std::vector<Item> by_popularity_;
  std::int64_t orders_ = 0;
};

}  // namespace shopkeep::analytics::recommend
