#include "store/deferred_indexes.hpp"

namespace shopkeep::store {

namespace {

bool is_empty(Db& db, const std::string& table) {
  Stmt any(db, "SELECT 1 FROM \"" + table + "\" LIMIT 1");
  return !any.step();
}

}  // namespace

DeferredIndexes::DeferredIndexes(Db& db, const std::vector<std::string>& tables) : db_(db) {
  Stmt indexes(db, "SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL");
  for (const auto& table : tables) {
    if (!is_empty(db, table)) continue;
    indexes.bind(1, table);
    while (indexes.step()) {
      names_.push_back(indexes.get_text(0));
      create_statements_.push_back(indexes.get_text(1));
    }
    indexes.reset();
  }
  for (const auto& name : names_) db.exec("DROP INDEX main.\"" + name + "\"");
}

void DeferredIndexes::rebuild() {
  for (const auto& create : create_statements_) db_.exec(create);
  names_.clear();
  create_statements_.clear();
}

}  // namespace shopkeep::store
