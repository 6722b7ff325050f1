#pragma once
// Writes Zendesk Support API response bodies into the store, inside the caller's transaction:
// used by `import zendesk` (one transaction per import) and by the sync (one per page). Items
// are upserted by id; an older updated_at never overwrites a newer one.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/reporter.hpp"
#include "store/db.hpp"
#include "store/upsert.hpp"

namespace shopkeep::zendesk {

struct WriteCounts {
  std::map<std::string, store::OutcomeCounts> tables;  // what changed, per table
  std::map<std::string, std::uint64_t> written;        // rows upserted (inserted, updated or unchanged), per table
  std::uint64_t older_skipped = 0;
  std::uint64_t suppressed = 0;  // records of people who asked to be forgotten
  std::uint64_t documents = 0;
};

class BodyWriter {
 public:
  BodyWriter(store::Db& db, Reporter& reporter, std::string synced_at);
  ~BodyWriter();

  // One response body, recognised by its top-level keys (tickets, metric_sets, ticket_metrics,
  // users, ticket_events, satisfaction_ratings). `source` names it in errors ("tickets.json").
  // Throws a runtime error for a body it does not know or an item it cannot read.
  void write(const nlohmann::json& body, const std::string& source);

  // The same for a body parsed as it is read (body_stream.hpp), so a body of any size takes the
  // memory of one item: begin_body, then write_item for each item of a top-level array whose key
  // writes_items_of, as soon as it is parsed, then end_body with the rest of the body (its other
  // keys, those arrays emptied), which checks it is a body at all. Items are written in the
  // body's order rather than write()'s fixed one; nothing depends on it (suppressions are by id).
  void begin_body(const std::string& source);
  static bool writes_items_of(std::string_view key);
  // The store tables it writes.
  static std::vector<std::string> tables();
  void write_item(std::string_view key, size_t index, const nlohmann::json& item);
  void end_body(const nlohmann::json& rest);

  // Per-ticket comment pages (GET /api/v2/tickets/{id}/comments.json) carry no ticket id; the
  // sync knows it from the URL.
  void write_ticket_comments(const nlohmann::json& body, std::int64_t ticket_id, const std::string& source);

  const WriteCounts& counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shopkeep::zendesk
