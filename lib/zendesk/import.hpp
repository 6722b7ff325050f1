#pragma once
// `import zendesk FILE...`: Zendesk API response bodies (one JSON document per file) into the
// store in one transaction, all or nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "store/db.hpp"
#include "zendesk/body_writer.hpp"

namespace shopkeep::zendesk {

// Limits on one body (docs/errors.md): an API page is a few MiB and nested a few levels, so a body
// past these is not one, and refusing it beats running out of memory or stack.
inline constexpr std::uint64_t kMaxBodyBytes = std::uint64_t{1} << 30;  // 1 GiB
inline constexpr size_t kMaxNesting = 512;

// "-" reads stdin. Throws (and leaves the store as it was) on the first bad document.
WriteCounts import_files(store::Db& db, const std::vector<std::string>& files, Reporter& reporter,
                         const std::string& synced_at);

}  // namespace shopkeep::zendesk
