#pragma once
// `sync zendesk`: incremental cursor exports of users and tickets (with their metric sets), the
// comments of every ticket that changed, and satisfaction ratings. Each page commits with the
// cursor after it (and, for tickets, the queue of tickets whose comments are due), so a crash at any
// moment loses nothing and a rerun converges to the same store.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "core/time.hpp"
#include "store/db.hpp"
#include "zendesk/api_client.hpp"

namespace shopkeep::zendesk {

struct SyncOptions {
  bool full = false;                   // re-read everything and mark what is gone as deleted
  std::optional<Instant> since;        // overrides the stored cursors
  std::vector<std::string> resources;  // empty: all
  Instant now;
  int page_size = 1000;               // export pages (Zendesk's maximum); ratings and comments use at most 100
  std::chrono::seconds overlap{300};  // ratings are re-read from this much before their cursor
};

struct ResourceOutcome {
  std::string resource;
  std::uint64_t records = 0;
  std::uint64_t deleted = 0;
  std::optional<std::string> error;
};

// Resources in order: users, tickets, ticket_comments (of the tickets that changed),
// satisfaction_ratings. An auth failure is rethrown at once; another failure of one resource is
// recorded in its outcome while the others go on.
std::vector<ResourceOutcome> sync_zendesk(store::Db& db, ApiClient& client, Reporter& reporter,
                                          const SyncOptions& options);

// Every resource name --resources accepts (ticket comments come with tickets).
std::vector<std::string> zendesk_resource_names();

}  // namespace shopkeep::zendesk
