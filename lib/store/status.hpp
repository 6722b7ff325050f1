#pragma once
// What `shopkeep status` reports: rows per table, sync state per source and resource (cursor, last
// success, last error), the last import per source, the shop and its zone and currency, the period
// the data covers and how old its newest order is, and the store's size.
#include <nlohmann/json_fwd.hpp>

#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::store {

// {"tables": {NAME: ROWS}, "sources": [{"source", "resource", "last_success", "cursor", "last_attempt",
// "last_error"}], "imports": [{"source", "last_import", "imports", "files"}], "shop": {...} or null,
// "data": {"first_order_at", "last_order_at", "newest_order_age_days", ...}, "store_bytes"}
nlohmann::ordered_json store_status(Db& db, Instant now);

}  // namespace shopkeep::store
