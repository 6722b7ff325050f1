#pragma once
// Right to erasure: delete every row about one person in one transaction, remember them only as
// one-way hashes (so imports and syncs skip them from now on) and log what kinds of rows went.
#include <nlohmann/json_fwd.hpp>

#include <string>

#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::privacy {

// {"dry_run", "rows_deleted": {TABLE: N}, "total"}. Someone not stored is a no-op (total 0),
// but their email is still suppressed so a later import does not bring them in.
nlohmann::ordered_json forget_person(store::Db& db, const std::string& email, bool dry_run, Instant now);

}  // namespace shopkeep::privacy
