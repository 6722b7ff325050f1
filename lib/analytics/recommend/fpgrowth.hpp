#pragma once
// Frequent itemsets by FP-growth (Han, Pei & Yin 2000): transactions compressed into a prefix
// tree, mined by conditional trees, never enumerating candidates that cannot be frequent.
#include <cstdint>
#include <vector>

namespace shopkeep::analytics::recommend {

using Item = std::int32_t;

struct Itemset {
  std::vector<Item> items;  // sorted ascending
  std::int64_t count = 0;
};

// Every itemset of 1..max_length items contained in at least `min_count` transactions.
// Transactions are item lists (duplicates ignored).
std::vector<Itemset> frequent_itemsets(const std::vector<std::vector<Item>>& transactions, std::int64_t min_count,
                                       int max_length);

}  // namespace shopkeep::analytics::recommend
