#pragma once
// Each import, recorded in the transaction that commits it (table import_log), so `status` can say
// when data last came in from files, as it says when each resource last synced.
#include <cstdint>
#include <string>

#include "store/db.hpp"

namespace shopkeep::store {

// `source` is "shopify" or "zendesk"; `records` the lines or documents read.
void record_import(Db& db, const std::string& source, std::uint64_t files, std::uint64_t records,
                   const std::string& at);

}  // namespace shopkeep::store
