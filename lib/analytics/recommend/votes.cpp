#include "analytics/recommend/votes.hpp"

namespace shopkeep::analytics::recommend {

void Votes::add(Item candidate, double score, Item anchor) {
  if (because_[candidate] == -1) touched_.push_back(candidate);
  score_[candidate] += score;
  if (score > strongest_[candidate] || because_[candidate] == -1)
    strongest_[candidate] = score, because_[candidate] = anchor;
}

void Votes::drop(Item candidate) {
  if (because_[candidate] != -1) because_[candidate] = -2;  // touched, then withdrawn
}

std::vector<Vote> Votes::take() {
  std::vector<Vote> out;
  out.reserve(touched_.size());
  for (Item i : touched_) {
    if (because_[i] >= 0) out.push_back({i, score_[i], strongest_[i], because_[i]});
    score_[i] = 0, strongest_[i] = 0, because_[i] = -1;
  }
  touched_.clear();
  return out;
}

}  // namespace shopkeep::analytics::recommend
