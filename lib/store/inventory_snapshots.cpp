#include "store/inventory_snapshots.hpp"

#include "core/error.hpp"

namespace shopkeep::store {

std::int64_t snapshot_inventory(Db& db, const std::string& synced_at, const Zone& zone) {
  auto taken = parse_rfc3339(synced_at);
  if (!taken) throw runtime_error("inventory snapshot: bad time '" + synced_at + "'");
  Transaction tx(db);
  Stmt insert(db,
              "INSERT INTO inventory_snapshots (variant_id, day, inventory_quantity, taken_at) "
              "SELECT id, ?1, inventory_quantity, ?2 FROM variants "
              "WHERE synced_at = ?2 AND deleted_at IS NULL AND inventory_quantity IS NOT NULL "
              "ON CONFLICT (variant_id, day) DO UPDATE SET inventory_quantity = excluded.inventory_quantity, "
              "taken_at = excluded.taken_at WHERE excluded.taken_at >= inventory_snapshots.taken_at");
  insert.bind(1, format_date(zone.local_day(*taken))).bind(2, synced_at);
  insert.run();
  auto written = db.changes();
  tx.commit();
  return written;
}

}  // namespace shopkeep::store
