#pragma once
// Bulk operations (bulkOperationRunQuery): for a first sync or --full, Shopify writes the whole
// resource as JSONL; we poll the job, download the file and stream it through the import path.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

#include "core/reporter.hpp"
#include "core/time.hpp"
#include "http/http_client.hpp"
#include "http/retry.hpp"
#include "shopify/graphql_client.hpp"
#include "shopify/sync_queries.hpp"
#include "store/db.hpp"

namespace shopkeep::shopify {

struct BulkResult {
  std::uint64_t records = 0;  // root objects written
  double waiting_seconds = 0, download_seconds = 0, import_seconds = 0;
  std::optional<std::string> partial_error;  // FAILED with partial data: what was kept, and why
};

// The bulk-operation query for a resource: its connections as edges/node, no page sizes.
std::string bulk_query(const ResourceQuery& q);

// Runs the job, imports its JSONL in one transaction with the resource's cursor, and (for --full)
// fills temp.sync_seen with the root ids. Throws a runtime error for FAILED (without partial data),
// CANCELED or EXPIRED jobs.
BulkResult bulk_import(store::Db& db, GraphqlClient& client, http::HttpClient& http, http::Sleeper& sleeper,
                       Reporter& reporter, const ResourceQuery& q, const std::string& synced_at, bool track_seen);

}  // namespace shopkeep::shopify
