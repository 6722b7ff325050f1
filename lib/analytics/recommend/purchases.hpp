#pragma once
// What recommendations learn from: the counted orders before --now as baskets of products (lines
// with units left, coalesce(current_quantity, quantity) > 0), and the catalog with each product's
// availability (ACTIVE, not deleted, a variant in stock; untracked inventory counts as available).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/recommend/fpgrowth.hpp"
#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::recommend {

struct Purchase {
  std::int64_t order_id;
  std::optional<std::int64_t> customer_id;
  Instant at;
  std::vector<Item> items;  // distinct, sorted
};

struct Catalog {
  std::vector<std::int64_t> product_id;
  std::vector<std::string> title, handle;
  std::vector<bool> available;
  std::unordered_map<std::int64_t, Item> index;
  Item item_of(std::int64_t product_id, const std::string& fallback_title);
  size_t size() const { return product_id.size(); }
};

struct PurchaseData {
  Catalog catalog;
  std::vector<Purchase> purchases;  // oldest first (ties by order id)
};

PurchaseData load_purchases(store::Db& db, Instant now);

}  // namespace shopkeep::analytics::recommend
