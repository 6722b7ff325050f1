#include "store/seen_ids.hpp"

namespace shopkeep::store {

void reset_seen_ids(Db& db) {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS sync_seen (id INTEGER PRIMARY KEY); DELETE FROM temp.sync_seen;");
}

Stmt seen_id_inserter(Db& db) { return Stmt(db, "INSERT OR IGNORE INTO temp.sync_seen (id) VALUES (?1)"); }

std::uint64_t mark_unseen_deleted(Db& db, const std::string& table, const std::string& at) {
  Transaction tx(db);
  Stmt mark(db, "UPDATE " + table +
                    " SET deleted_at = ?1 WHERE deleted_at IS NULL AND id NOT IN (SELECT id FROM temp.sync_seen)");
  mark.bind(1, at);
  mark.run();
  auto deleted = static_cast<std::uint64_t>(db.changes());
  tx.commit();
  return deleted;
}

std::uint64_t mark_children_of_deleted(Db& db, const std::string& parent_table, const std::string& child_table,
                                       const std::string& parent_column, const std::string& at) {
  Stmt mark(db, "UPDATE " + child_table + " SET deleted_at = ?1 WHERE deleted_at IS NULL AND " + parent_column +
                    " IN (SELECT id FROM " + parent_table + " WHERE deleted_at IS NOT NULL)");
  mark.bind(1, at);
  mark.run();
  return static_cast<std::uint64_t>(db.changes());
}

}  // namespace shopkeep::store
