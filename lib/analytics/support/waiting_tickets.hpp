#pragma once
// Open tickets nobody has answered yet, and for how long: what the brief and the report show as the
// support queue when triage has nothing more to say.
#include <cstdint>
#include <vector>

#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::support {

struct WaitingTickets {
  std::int64_t open = 0;            // new or open, not deleted
  std::int64_t unanswered = 0;      // of them, without any agent reply
  std::int64_t overdue = 0;         // unanswered and created more than `overdue_after` before now
  std::int64_t urgent_or_high = 0;  // open with priority urgent or high
};

WaitingTickets waiting_tickets(store::Db& db, Instant now, std::chrono::seconds overdue_after = std::chrono::hours{24});

}  // namespace shopkeep::analytics::support
