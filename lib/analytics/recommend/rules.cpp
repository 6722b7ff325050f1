#include "analytics/recommend/rules.hpp"

#include <algorithm>
#include <map>

namespace shopkeep::analytics::recommend {

std::vector<Rule> association_rules(const std::vector<Itemset>& itemsets, std::int64_t transactions,
                                    double min_confidence) {
  std::map<std::vector<Item>, std::int64_t> count_of;
  for (const auto& s : itemsets) count_of[s.items] = s.count;
  std::vector<Rule> rules;
  const double n = static_cast<double>(transactions);
  for (const auto& s : itemsets) {
    if (s.items.size() < 2) continue;
    for (size_t k = 0; k < s.items.size(); ++k) {
      std::vector<Item> antecedent;
      for (size_t j = 0; j < s.items.size(); ++j)
        if (j != k) antecedent.push_back(s.items[j]);
      // Every subset of a frequent itemset is frequent, so both counts are known.
      double confidence = static_cast<double>(s.count) / static_cast<double>(count_of.at(antecedent));
      if (confidence + 1e-12 < min_confidence) continue;
      double consequent_support = static_cast<double>(count_of.at({s.items[k]})) / n;
      rules.push_back({antecedent, s.items[k], static_cast<double>(s.count) / n, confidence,
                       confidence / consequent_support, s.count});
    }
  }
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
    if (a.lift != b.lift) return a.lift > b.lift;
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    if (a.antecedent != b.antecedent) return a.antecedent < b.antecedent;
    return a.consequent < b.consequent;
  });
  return rules;
}

}  // namespace shopkeep::analytics::recommend
