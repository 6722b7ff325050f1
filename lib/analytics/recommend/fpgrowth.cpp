#include "analytics/recommend/fpgrowth.hpp"

#include <algorithm>
#include <unordered_map>

namespace shopkeep::analytics::recommend {

namespace {

struct Node {
  Item item;
  std::int64_t count;
  int parent;
  int next_same_item;  // header-table chain
  std::vector<std::pair<Item, int>> children;
};

class Tree {
 public:
  Tree() { nodes_.push_back({-1, 0, -1, -1, {}}); }

  // Adds a path (items already in the tree's order) with a count.
  void add(const std::vector<Item>& path, std::int64_t count) {
    int at = 0;
    for (Item item : path) {
      auto& children = nodes_[at].children;
      auto it = std::find_if(children.begin(), children.end(), [&](const auto& c) { return c.first == item; });
      int child;
      if (it == children.end()) {
        child = static_cast<int>(nodes_.size());
        nodes_.push_back({item, 0, at, -1, {}});
        nodes_[at].children.emplace_back(item, child);
        auto head = heads_.find(item);
        nodes_[child].next_same_item = head == heads_.end() ? -1 : head->second;
        heads_[item] = child;
      } else {
        child = it->second;
      }
      nodes_[child].count += count;
      at = child;
    }
  }

  const Node& node(int i) const { return nodes_[i]; }
  int head(Item item) const {
    auto it = heads_.find(item);
    return it == heads_.end() ? -1 : it->second;
  }

 private:
  std::vector<Node> nodes_;
  std::unordered_map<Item, int> heads_;
};

class Miner {
 public:
  Miner(std::int64_t min_count, int max_length, std::vector<Itemset>& out)
      : min_count_(min_count), max_length_(max_length), out_(out) {}

  // Mines `paths` (each with a count) under `prefix`.
  void mine(const std::vector<std::pair<std::vector<Item>, std::int64_t>>& paths, std::vector<Item>& prefix) {
    std::unordered_map<Item, std::int64_t> support;
    for (const auto& [path, count] : paths)
      for (Item i : path) support[i] += count;
    std::vector<Item> frequent;
    for (const auto& [item, count] : support)
      if (count >= min_count_) frequent.push_back(item);
    if (frequent.empty()) return;
    // Tree order: most frequent first (ties by item), so shared prefixes compress.
    std::sort(frequent.begin(), frequent.end(),
              [&](Item a, Item b) { return support[a] != support[b] ? support[a] > support[b] : a < b; });
    std::unordered_map<Item, int> rank;
    for (size_t r = 0; r < frequent.size(); ++r) rank[frequent[r]] = static_cast<int>(r);
    Tree tree;
    std::vector<Item> ordered;
    for (const auto& [path, count] : paths) {
      ordered.clear();
      for (Item i : path)
        if (rank.count(i)) ordered.push_back(i);
      std::sort(ordered.begin(), ordered.end(), [&](Item a, Item b) { return rank[a] < rank[b]; });
      if (!ordered.empty()) tree.add(ordered, count);
    }
    // Least frequent first: each item's conditional pattern base is the paths above its nodes.
    for (auto it = frequent.rbegin(); it != frequent.rend(); ++it) {
      Item item = *it;
      prefix.push_back(item);
      Itemset found{prefix, support[item]};
      std::sort(found.items.begin(), found.items.end());
      out_.push_back(std::move(found));
      if (static_cast<int>(prefix.size()) < max_length_) {
        std::vector<std::pair<std::vector<Item>, std::int64_t>> conditional;
        for (int n = tree.head(item); n != -1; n = tree.node(n).next_same_item) {
          std::vector<Item> path;
          for (int p = tree.node(n).parent; p > 0; p = tree.node(p).parent) path.push_back(tree.node(p).item);
          if (!path.empty()) conditional.emplace_back(std::move(path), tree.node(n).count);
        }
        if (!conditional.empty()) mine(conditional, prefix);
      }
      prefix.pop_back();
    }
  }

 private:
  std::int64_t min_count_;
  int max_length_;
  std::vector<Itemset>& out_;
};

}  // namespace

std::vector<Itemset> frequent_itemsets(const std::vector<std::vector<Item>>& transactions, std::int64_t min_count,
                                       int max_length) {
  std::vector<std::pair<std::vector<Item>, std::int64_t>> paths;
  paths.reserve(transactions.size());
  for (const auto& t : transactions) {
    std::vector<Item> items = t;
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    paths.emplace_back(std::move(items), 1);
  }
  std::vector<Itemset> out;
  std::vector<Item> prefix;
  Miner(std::max<std::int64_t>(1, min_count), std::max(1, max_length), out).mine(paths, prefix);
  return out;
}

}  // namespace shopkeep::analytics::recommend
