#pragma once
// Support split by team: the tickets of each Zendesk group (the team a ticket is assigned to) over a
// range: first reply as `kpi` measures it, CSAT over these tickets' ratings created in the range, so
// the report can say which team keeps customers waiting.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/kpi.hpp"
#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::support {

struct TeamSupport {
  std::string team;          // the group's name; "No group" for unassigned tickets
  std::int64_t tickets = 0;  // created in the range, not deleted
  std::int64_t solved = 0;   // of them, solved or closed now
  std::optional<double> first_reply_minutes_median;
  Rate csat;  // good / (good + bad) of these tickets' ratings in the range
};

// Teams with a ticket created in [from, to), most tickets first; empty when the store knows no groups.
std::vector<TeamSupport> team_support(store::Db& db, Instant from, Instant to);

}  // namespace shopkeep::analytics::support
