#pragma once
// Lists of indexes per group (the orders of each customer, the customers of each product) in one
// flat array with an offset per group: two passes over the pairs (count, then place) instead of a
// growing vector per group, so a million orders cost two allocations and the lists lie in memory in
// group order for the passes that read them group by group.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace shopkeep::analytics::recommend {

class Groups {
 public:
  Groups() = default;

  // for_each(emit) must call emit(group, member) for every pair, in the same order both times it is
  // called; each group's members keep that order.
  template <typename ForEach>
  static Groups build(std::size_t groups, ForEach&& for_each) {
    Groups g;
    g.start_.assign(groups + 1, 0);
    for_each([&](std::size_t group, std::int32_t) { ++g.start_[group + 1]; });
    for (std::size_t i = 0; i < groups; ++i) g.start_[i + 1] += g.start_[i];
    g.members_.resize(g.start_[groups]);
    std::vector<std::size_t> next(g.start_.begin(), g.start_.end() - 1);
    for_each([&](std::size_t group, std::int32_t member) { g.members_[next[group]++] = member; });
    return g;
  }

  std::span<const std::int32_t> operator[](std::size_t group) const {
    return {members_.data() + start_[group], start_[group + 1] - start_[group]};
  }
  std::size_t size() const { return start_.empty() ? 0 : start_.size() - 1; }

 private:
  std::vector<std::size_t> start_;  // group g's members: [start_[g], start_[g + 1])
  std::vector<std::int32_t> members_;
};

}  // namespace shopkeep::analytics::recommend
