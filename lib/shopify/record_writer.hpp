#pragma once
// Writes Shopify bulk-JSONL objects into the store, one line at a time, inside the caller's
// transaction. Used by `import shopify` (one transaction per import) and by the sync (one per
// page). Children may come before or after their parents; a newer parent replaces its children
// as a set; an older version of an object never overwrites a newer one.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/reporter.hpp"
#include "store/db.hpp"
#include "store/upsert.hpp"

namespace shopkeep::shopify {

struct WriteCounts {
  std::map<std::string, store::OutcomeCounts> tables;  // what changed, per table
  std::map<std::string, std::uint64_t> written;        // rows upserted (inserted, updated or unchanged), per table
  std::uint64_t older_skipped = 0;                     // versions older than the stored one
  std::map<std::string, std::uint64_t> unknown_types;  // lines of types the store does not model
  std::uint64_t orphans = 0;                           // children whose parent is nowhere
  std::uint64_t suppressed = 0;                        // records of people who asked to be forgotten
  std::uint64_t lines = 0;
};

struct LineSource {
  std::string_view file;
  std::uint64_t line;
};

class RecordWriter {
 public:
  RecordWriter(store::Db& db, Reporter& reporter, std::string synced_at);
  ~RecordWriter();

  // One JSON object as text. When `padded`, at least 64 readable bytes follow `json` in memory
  // and it is parsed in place. Throws a runtime error naming file and line for bad input.
  void write(std::string_view json, const LineSource& where, bool padded);

  // Resolves children that arrived before their parents and fills checkout emails from their
  // customers. Call once, before the transaction commits.
  void finish();

  const WriteCounts& counts() const;
  // The id of the root object the last write() stored (none for a child or a skipped line).
  std::optional<std::int64_t> last_root_id() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shopkeep::shopify
