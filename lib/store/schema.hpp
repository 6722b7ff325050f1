#pragma once
// The store's schema, as an ordered list of migrations. PRAGMA user_version holds how many have
// been applied; a migration is never edited once released, only followed by a new one.
#include <string_view>
#include <vector>

namespace shopkeep::store {

class Db;

const std::vector<std::string_view>& migrations();
int schema_version();  // the version a fully migrated store has

// Applies the missing migrations in one transaction. Throws for a store newer than this binary.
void migrate(Db& db);

}  // namespace shopkeep::store
