#pragma once
// Inventory snapshots: after an import or sync commits, the stock of every tracked variant it
// brought (rows whose synced_at is that run's) is recorded for the shop-local day of the run, so
// restock can later tell days out of stock from days without demand. Kept apart from the record
// writer on purpose: it reads the committed variants, whatever wrote them.
#include <cstdint>
#include <string>

#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::store {

// Upserts (variant_id, local day of taken_at) -> inventory_quantity for the live variants with
// tracked inventory whose synced_at equals `synced_at`, in one transaction. Returns the rows written.
std::int64_t snapshot_inventory(Db& db, const std::string& synced_at, const Zone& zone);

}  // namespace shopkeep::store
