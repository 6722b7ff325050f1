#pragma once
// The two import targets' harness: each input is imported into a fresh copy of an empty, migrated
// store (the same store every time, so a finding replays exactly), and the importer's promises are
// checked, not only its survival:
// - a failed import leaves the store as it was (no row in any table);
// - importing the same file again doubles nothing (every table keeps its row count).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "store/db.hpp"

namespace shopkeep::fuzz {

// Rows of every table of the store, by table name (schema order).
std::vector<std::pair<std::string, std::int64_t>> table_rows(store::Db& db);

// The importer under test: shopify::import_files or zendesk::import_files (its counts unused).
using ImportFiles =
    std::function<void(store::Db&, const std::vector<std::string>&, Reporter&, const std::string& synced_at)>;

// Imports `bytes` as the file `file_name` twice and checks the promises above (aborting on a
// broken one, with the table named on stderr).
void check_import(std::string_view bytes, const std::string& file_name, ImportFiles import);

}  // namespace shopkeep::fuzz
