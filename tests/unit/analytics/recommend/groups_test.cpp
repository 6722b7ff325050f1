#include "analytics/recommend/groups.hpp"

#include <doctest/doctest.h>

#include <utility>

using namespace shopkeep::analytics::recommend;

TEST_CASE("groups: each group's members in the order given, empty groups included") {
  std::vector<std::pair<size_t, std::int32_t>> pairs = {{2, 5}, {0, 1}, {2, 3}, {0, 4}};
  auto groups = Groups::build(4, [&](auto&& emit) {
    for (const auto& [group, member] : pairs) emit(group, member);
  });
  REQUIRE(groups.size() == 4);
  CHECK(std::vector<std::int32_t>(groups[0].begin(), groups[0].end()) == std::vector<std::int32_t>{1, 4});
  CHECK(groups[1].empty());
  CHECK(std::vector<std::int32_t>(groups[2].begin(), groups[2].end()) == std::vector<std::int32_t>{5, 3});
  CHECK(groups[3].empty());
  CHECK(Groups().size() == 0);
}
