#pragma once
// `sync shopify`: paginated, incremental pulls of each resource into the store. Each page and the
// cursor that follows it commit in one transaction, so a crash at any moment loses nothing and a
// rerun converges to the same store.
#include <optional>
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "core/time.hpp"
#include "shopify/graphql_client.hpp"
#include "store/db.hpp"

namespace shopkeep::shopify {

struct SyncOptions {
  bool full = false;                   // re-read everything and mark what is gone as deleted
  std::optional<Instant> since;        // overrides the stored cursor
  std::vector<std::string> resources;  // empty: all
  Instant now;
  std::chrono::seconds overlap{300};  // re-read this much before the cursor
  bool bulk = true;                   // first syncs and --full through bulk operations
};

struct ResourceOutcome {
  std::string resource;
  std::uint64_t records = 0;
  std::uint64_t deleted = 0;
  std::optional<std::string> error;
  bool bulk = false;
  double bulk_wait_seconds = 0, bulk_download_seconds = 0, bulk_import_seconds = 0;
};

// Resources in order (shop first). An auth failure is rethrown at once; other failures of one
// resource are recorded in its outcome while the others go on.
std::vector<ResourceOutcome> sync_shopify(store::Db& db, GraphqlClient& client, http::HttpClient& http,
                                          http::Sleeper& sleeper, Reporter& reporter, const SyncOptions& options);

// Every resource name --resources accepts.
std::vector<std::string> shopify_resource_names();

}  // namespace shopkeep::shopify
