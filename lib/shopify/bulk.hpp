#pragma once
// Bulk operations (bulkOperationRunQuery): for a first sync or --full, Shopify writes the whole
// resource as JSONL; we poll the job, download the file and stream it through the import path.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/reporter.hpp"
#include "core/time.hpp"
#include "http/http_client.hpp"
#include "http/retry.hpp"
#include "shopify/graphql_client.hpp"
#include "shopify/sync_queries.hpp"
#include "store/db.hpp"

namespace shopkeep::shopify {

struct BulkSettings {
  std::chrono::seconds timeout{4 * 3600};     // the whole job, waits included
  std::chrono::milliseconds backoff{30000};  // first wait before a rerun or while the limit is held
  int reruns = 3;                            // FAILED with INTERNAL_SERVER_ERROR is run again this often
};

struct BulkResult {
  std::uint64_t records = 0;  // root objects written
  double waiting_seconds = 0, download_seconds = 0, import_seconds = 0;
  std::optional<std::string> partial_error;  // FAILED with partial data: what was kept, and why
  int runs = 1;                              // jobs started (reruns of intermittent failures included)
};

// The bulk-operation query for a resource: its connections as edges/node, no page sizes.
std::string bulk_query(const ResourceQuery& q);

// Cancels this app's bulk queries that are still running the same query as `q` (left behind by a
// run that crashed), then runs the job, reruns it after an intermittent failure, and imports its
// JSONL in one transaction. The resource's cursor becomes the job's createdAt (the next incremental
// sync re-reads from there minus the overlap) only when the job completed: a FAILED job's partial
// data is kept but the cursor stays where it was. For --full (`track_seen`) temp.sync_seen gets the
// root ids. Throws a runtime error for FAILED (without partial data), CANCELED or EXPIRED jobs and
// when the job outlasts `settings.timeout` (it is cancelled).
BulkResult bulk_import(store::Db& db, GraphqlClient& client, http::HttpClient& http, http::Sleeper& sleeper,
                       Reporter& reporter, const ResourceQuery& q, const std::string& synced_at, bool track_seen,
                       const BulkSettings& settings);

}  // namespace shopkeep::shopify
