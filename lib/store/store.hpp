#pragma once
// Opening the store: where it lives, its permissions (0600 file in a 0700 folder), the pragmas
// every connection needs, and migration on first use.
#include <filesystem>
#include <memory>

#include "store/db.hpp"

namespace shopkeep::store {

// $XDG_DATA_HOME/shopkeep/shopkeep.db, or ~/.local/share/shopkeep/shopkeep.db.
std::filesystem::path default_store_path();

// Opens (creating and migrating when needed) the store at `path`.
std::unique_ptr<Db> open_store(const std::filesystem::path& path);

}  // namespace shopkeep::store
