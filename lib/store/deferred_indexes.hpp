#pragma once
// A bulk load into empty tables builds their secondary indexes once at the end instead of row by
// row. Inserting millions of rows in random key order into indexes larger than the page cache
// reads and rewrites index pages again and again; CREATE INDEX after the load sorts the keys once.
// Only tables that are empty when the load starts are touched: rebuilding the index of a full table
// for a small import would cost more than it saves. Everything runs inside the caller's
// transaction, so a failed load rolls the indexes back with the rows.
#include <string>
#include <vector>

#include "store/db.hpp"

namespace shopkeep::store {

class DeferredIndexes {
 public:
  // Drops the secondary indexes (CREATE INDEX ones, not those of PRIMARY KEY or UNIQUE, which
  // upserts need) of each of `tables` that holds no row. Call inside a transaction.
  DeferredIndexes(Db& db, const std::vector<std::string>& tables);
  // Creates them again; call before the transaction commits.
  void rebuild();
  // The indexes dropped (for tests).
  const std::vector<std::string>& names() const { return names_; }

 private:
  Db& db_;
  std::vector<std::string> names_, create_statements_;
};

}  // namespace shopkeep::store
