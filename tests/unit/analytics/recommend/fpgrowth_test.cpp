#include "analytics/recommend/fpgrowth.hpp"

#include <doctest/doctest.h>

#include <map>

#include "analytics/recommend/rules.hpp"

using namespace shopkeep::analytics::recommend;

namespace {
std::map<std::vector<Item>, std::int64_t> as_map(const std::vector<Itemset>& sets) {
  std::map<std::vector<Item>, std::int64_t> m;
  for (const auto& s : sets) m[s.items] = s.count;
  return m;
}
}  // namespace

TEST_CASE("FP-growth finds exactly the frequent itemsets (hand-counted)") {
  // 1=bread 2=milk 3=diapers 4=beer 5=eggs 6=cola
  std::vector<std::vector<Item>> t = {{1, 2}, {1, 3, 4, 5}, {2, 3, 4, 6}, {1, 2, 3, 4}, {1, 2, 3, 6}};
  auto m = as_map(frequent_itemsets(t, 3, 10));
  std::map<std::vector<Item>, std::int64_t> expected = {{{1}, 4},    {{2}, 4},    {{3}, 4},    {{4}, 3},
                                                        {{1, 2}, 3}, {{1, 3}, 3}, {{2, 3}, 3}, {{3, 4}, 3}};
  CHECK(m == expected);
  auto short_sets = as_map(frequent_itemsets(t, 2, 1));
  CHECK(short_sets.size() == 5);  // only single items, bread..diapers, beer and cola
}

TEST_CASE("rules: confidence, lift and count") {
  std::vector<std::vector<Item>> t = {{1, 2}, {1, 3, 4, 5}, {2, 3, 4, 6}, {1, 2, 3, 4}, {1, 2, 3, 6}};
  auto sets = frequent_itemsets(t, 3, 10);
  auto rules = association_rules(sets, 5, 0.7);
  // {4} => {3}: count 3, confidence 3/3, lift 1 / (4/5) = 1.25, support 0.6; the best lift.
  REQUIRE(!rules.empty());
  CHECK(rules[0].antecedent == std::vector<Item>{4});
  CHECK(rules[0].consequent == 3);
  CHECK(rules[0].confidence == doctest::Approx(1.0));
  CHECK(rules[0].lift == doctest::Approx(1.25));
  CHECK(rules[0].support == doctest::Approx(0.6));
  CHECK(rules[0].count == 3);
  for (const auto& r : rules) CHECK(r.confidence >= 0.7);
}
