#pragma once
// Writing the Zendesk side of the sample: requesters (mostly the shop's customers), tickets with
// believable text, metric sets, comment events and satisfaction ratings, with SLA breaches,
// long-unsolved tickets and bad ratings nobody followed up.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "demo/people.hpp"
#include "demo/random.hpp"

namespace shopkeep::demo {

struct SupportPlan {
  std::uint64_t tickets;
  std::int64_t start, end;  // unix seconds
};

std::uint64_t write_support(const std::filesystem::path& dir, Rng& rng, const std::vector<Person>& people,
                            const SupportPlan& plan);

}  // namespace shopkeep::demo
