#pragma once
// `import shopify FILE...`: streams bulk-operation JSONL files into the store in one
// transaction, all or nothing.
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "shopify/record_writer.hpp"
#include "store/db.hpp"

namespace shopkeep::shopify {

// "-" reads stdin. Throws (and leaves the store as it was) on the first bad line.
WriteCounts import_files(store::Db& db, const std::vector<std::string>& files, Reporter& reporter,
                         const std::string& synced_at);

}  // namespace shopkeep::shopify
