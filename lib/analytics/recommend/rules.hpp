#pragma once
// Association rules with a single-item consequent from frequent itemsets: support, confidence,
// lift and count.
#include <vector>

#include "analytics/recommend/fpgrowth.hpp"

namespace shopkeep::analytics::recommend {

struct Rule {
  std::vector<Item> antecedent;
  Item consequent;
  double support, confidence, lift;
  std::int64_t count;
};

// Rules of every itemset of two or more items with confidence >= min_confidence, best lift first.
std::vector<Rule> association_rules(const std::vector<Itemset>& itemsets, std::int64_t transactions,
                                    double min_confidence);

}  // namespace shopkeep::analytics::recommend
