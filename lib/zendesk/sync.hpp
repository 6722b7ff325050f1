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
#include "sync/options.hpp"
#include "zendesk/api_client.hpp"

namespace shopkeep::zendesk {

// Resources in order: users, tickets, ticket_comments (of the tickets that changed),
// satisfaction_ratings, through sync::ResourceRunner. `page_size`: export pages (Zendesk's maximum
// is 1000); ratings and comments use at most 100.
std::vector<sync::ResourceOutcome> sync_zendesk(store::Db& db, ApiClient& client, Reporter& reporter,
                                                const sync::SyncOptions& options, int page_size = 1000);

// Every resource name --resources accepts (ticket comments come with tickets).
std::vector<std::string> zendesk_resource_names();

}  // namespace shopkeep::zendesk
