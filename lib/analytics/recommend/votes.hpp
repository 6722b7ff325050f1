#pragma once
// Scores that anchors give to candidate products, summed per candidate, with the anchor that gave
// the most (for the reason shown). Dense over the catalog with a list of touched entries, so one
// customer's or product's recommendations cost what their anchors' neighbour lists cost, and the
// reason text is written only for the k products kept.
#include <cstddef>
#include <vector>

#include "analytics/recommend/fpgrowth.hpp"

namespace shopkeep::analytics::recommend {

struct Vote {
  Item item;
  double score;
  double strongest;  // the largest single contribution
  Item because;      // the anchor that gave it
};

class Votes {
 public:
  explicit Votes(std::size_t items) : score_(items, 0), strongest_(items, 0), because_(items, -1) {}
  void add(Item candidate, double score, Item anchor);
  void drop(Item candidate);  // no longer a candidate (an anchor, a durable the customer owns)
  // The votes, emptied for the next use (order unspecified).
  std::vector<Vote> take();

 private:
  std::vector<double> score_, strongest_;
  std::vector<Item> because_;
  std::vector<Item> touched_;
};

}  // namespace shopkeep::analytics::recommend
