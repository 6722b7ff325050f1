#pragma once
// `import zendesk FILE...`: Zendesk API response bodies (one JSON document per file) into the
// store in one transaction, all or nothing.
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "store/db.hpp"
#include "zendesk/body_writer.hpp"

namespace shopkeep::zendesk {

// "-" reads stdin. Throws (and leaves the store as it was) on the first bad document.
WriteCounts import_files(store::Db& db, const std::vector<std::string>& files, Reporter& reporter,
                         const std::string& synced_at);

}  // namespace shopkeep::zendesk
