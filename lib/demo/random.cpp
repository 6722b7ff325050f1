#include "demo/random.hpp"

#include <algorithm>

namespace shopkeep::demo {

WeightedPicker::WeightedPicker(const std::vector<double>& weights) {
  cumulative_.reserve(weights.size());
  double total = 0;
  for (double w : weights) cumulative_.push_back(total += w);
}

size_t WeightedPicker::pick(Rng& rng) const {
  double target = rng.uniform() * cumulative_.back();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  return std::min(static_cast<size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
}

}  // namespace shopkeep::demo
