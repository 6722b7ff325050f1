#pragma once
// The recommendation methods, learned from purchases:
// - fbt: products bought in the same orders as the anchor products (sum of confidences over the
//   anchors, pairs seen at least twice and at a minimum confidence);
// - similar: item-to-item collaborative filtering (Linden, Smith & York 2003): cosine similarity of
//   the products' customer sets, top-N neighbours per product;
// - personal: next-basket (docs/recommend.md): the customer's own consumables, weighted by how
//   often and how recently they bought them and re-ranked by what the whole shop is buying in the
//   weeks before the basket's day; the remaining places go to products similar to their history;
// - refill: consumables' typical repeat interval, and whether a customer's refill is due;
// - popularity and own_history: the baselines of `recommend evaluate`.
// Consumables are products that several customers re-bought on another day (they have a refill
// interval); durables are products that many customers bought and almost none re-bought: they are
// never recommended again to their owner.
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/recommend/groups.hpp"
#include "analytics/recommend/purchases.hpp"
#include "analytics/recommend/trend.hpp"
#include "analytics/recommend/votes.hpp"

namespace shopkeep::analytics::recommend {

struct Scored {
  Item item;
  double score;
  std::string reason;
  bool repeat = false;  // the customer bought it before
};

// personal's parameters; the defaults were chosen by validation on a held-out earlier order
// (docs/recommend.md), not on the orders they are judged on.
struct NextBasketParams {
  int trend_days = 42;         // the shop's recent window before the basket's day
  double trend_power = 1.0;    // how strongly the shop's recent demand re-ranks own products
  double recency_decay = 0.8;  // weight of an order = decay^(orders since, 0 for the last)
};

struct ModelOptions {
  size_t neighbours = 50;                 // top-N similar items kept per item
  std::int64_t min_refill_customers = 3;  // customers with a repeat before a product is a consumable
  // A durable: bought by at least this many customers, and fewer than this share of them bought it
  // again on another day (a kettle). Products with less evidence are judged by the customer alone.
  std::int64_t durable_min_customers = 5;
  double durable_max_repeat_share = 0.05;
  std::int32_t min_pair_count = 2;  // fbt and similar: pairs seen fewer times are noise
  double min_confidence = 0.02;     // fbt: "bought together" in at least 2% of the anchor's orders
  bool only_available = true;       // never recommend inactive or out-of-stock products
  NextBasketParams next_basket;
  Zone zone = Zone("UTC");  // the shop's: "the basket's day" is a local day
};

class Model {
 public:
  Model(const std::vector<Purchase>& purchases, const Catalog& catalog, ModelOptions options = {});

  // For products at hand (a product page, a cart): never the anchors themselves.
  std::vector<Scored> fbt(const std::vector<Item>& basket, size_t k) const;
  std::vector<Scored> similar(const std::vector<Item>& basket, size_t k) const;
  // For a customer, as of `at`: their consumables may come back, their durables never.
  std::vector<Scored> fbt_for(std::int64_t customer, size_t k) const;
  std::vector<Scored> similar_for(std::int64_t customer, size_t k) const;
  std::vector<Scored> personal(std::int64_t customer, Instant at, size_t k) const;
  std::vector<Scored> refill(std::int64_t customer, Instant now, size_t k) const;
  std::vector<Scored> popularity(size_t k, const std::vector<Item>& exclude = {}) const;
  std::vector<Scored> own_history(std::int64_t customer, size_t k) const;

  bool knows(std::int64_t customer) const { return customer_index(customer) >= 0; }
  // The customer's items with the number of their orders containing each (sorted by item).
  const std::vector<std::pair<Item, int>>* history(std::int64_t customer) const;
  const std::vector<Item>* last_basket(std::int64_t customer) const;
  std::optional<double> refill_interval_days(Item item) const;
  bool consumable(Item item) const { return refill_days_[static_cast<size_t>(item)] > 0; }
  bool durable(Item item) const { return durable_[static_cast<size_t>(item)]; }

 private:
  using ScoreMap = std::unordered_map<Item, std::pair<double, std::string>>;
  bool allowed(Item item) const;
  std::vector<Scored> top(ScoreMap& scores, size_t k) const;
  std::vector<Scored> top(std::vector<Vote> votes, size_t k,
                          const std::function<std::string(const Vote&)>& reason) const;
  std::vector<std::pair<Item, double>> recency_weights(int customer) const;
  void learn_histories();
  const ShopTrend& trend() const;
  void vote_similar(const std::vector<std::pair<Item, double>>& anchors) const;
  std::function<std::string(const Vote&)> similar_reason() const;
  void drop_owned_durables(int customer) const;
  void mark_repeats(int customer, std::vector<Scored>& recs) const;
  // Built on first use, so each method pays only for what it needs.
  void build_together() const;
  void build_neighbours() const;
  int customer_index(std::int64_t customer) const;

  const std::vector<Purchase>& purchases_;  // the orders, oldest first (outlive the model, as the catalog)
  const Catalog& catalog_;
  ModelOptions options_;
  std::vector<std::int64_t> orders_with_;  // per item
  // Per customer (dense index): items with the number of their orders containing each, sorted by item;
  // their orders (indexes into purchases_, oldest first); when each item was last bought (and whether
  // they bought it again on another day).
  struct LastBought {
    Item item;
    Instant at;
    bool repeated;
  };
  std::unordered_map<std::int64_t, int> customer_index_;
  std::vector<std::vector<std::pair<Item, int>>> history_;
  Groups orders_of_;
  std::vector<std::vector<LastBought>> last_bought_;
  std::vector<double> refill_days_;  // per item, 0 = not a consumable
  std::vector<bool> durable_;        // per item
  std::vector<Item> by_popularity_;
  std::int64_t orders_ = 0;
  mutable std::optional<ShopTrend> trend_;  // built on first use (personal)
  mutable bool together_built_ = false, neighbours_built_ = false;
  mutable std::vector<std::vector<std::pair<Item, std::int32_t>>> together_;  // per item: co-ordered items, counts
  mutable std::vector<std::vector<std::pair<Item, double>>> neighbours_;      // per item: cosine top-N
  mutable Votes votes_, weights_;  // scratch of the methods (a Model is used by one thread at a time)
};

}  // namespace shopkeep::analytics::recommend
