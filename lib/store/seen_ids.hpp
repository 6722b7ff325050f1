#pragma once
// A `--full` sync's record of every id the source still has (a temporary table), and the marking
// of the rest as deleted once the whole resource is read.
#include <cstdint>
#include <string>

#include "store/db.hpp"

namespace shopkeep::store {

// Creates (or empties) the temporary table of seen ids.
void reset_seen_ids(Db& db);
// An INSERT of one seen id: bind ?1 and run.
Stmt seen_id_inserter(Db& db);
// In its own transaction: sets deleted_at = `at` on every live row of `table` whose id was not seen.
// `table` is one of the store's own table names, never user input.
std::uint64_t mark_unseen_deleted(Db& db, const std::string& table, const std::string& at);

// Deletion reaches children: sets deleted_at = `at` on the live rows of `child_table` whose parent
// (`parent_column` in `parent_table`) is deleted, so the store equals a fresh sync of the same
// source, which has none of them. Inside the caller's transaction; tables are the store's own.
std::uint64_t mark_children_of_deleted(Db& db, const std::string& parent_table, const std::string& child_table,
                                       const std::string& parent_column, const std::string& at);

}  // namespace shopkeep::store
