#pragma once
// What `shopkeep status` reports: rows per table, sync cursors per source and resource, size.
#include <nlohmann/json_fwd.hpp>

#include "store/db.hpp"

namespace shopkeep::store {

// {"tables": {NAME: ROWS}, "sources": [{"source","resource","last_success","cursor"}], "store_bytes"}
nlohmann::ordered_json store_status(Db& db);

}  // namespace shopkeep::store
