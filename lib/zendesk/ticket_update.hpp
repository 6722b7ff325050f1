#pragma once
// Writing a ticket's tags and priority: PUT /api/v2/tickets/{id}.json with the whole tag list (the
// Update Ticket endpoint replaces tags; additional_tags only works with update_many) and
// safe_update with the updated_at last synced, so a ticket changed in Zendesk meanwhile is not
// overwritten: Zendesk answers 409 and the ticket is reported, not clobbered.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "store/db.hpp"
#include "zendesk/api_client.hpp"

namespace shopkeep::zendesk {

struct TicketWrite {
  std::int64_t ticket_id = 0;
  std::vector<std::string> tags;        // the complete list the ticket should have
  std::optional<std::string> priority;  // set when it changes
  std::string updated_stamp;            // the ticket's updated_at as last seen ("" = no safe update)
};

enum class WriteOutcome {
  updated,            // Zendesk took the change
  already_current,    // the ticket already had it (changed meanwhile, to the same tags and priority)
  changed_meanwhile,  // someone changed the ticket since the last sync: nothing written
  gone,               // the ticket no longer exists
};

struct TicketWriteResult {
  WriteOutcome outcome = WriteOutcome::updated;
  nlohmann::json ticket;  // the ticket as Zendesk now has it (null when gone)
};

TicketWriteResult write_ticket(ApiClient& client, const TicketWrite& change);

// Puts a ticket object from the API into the store (an older version never overwrites a newer one).
void store_ticket(store::Db& db, const nlohmann::json& ticket, Reporter& reporter, const std::string& synced_at);

}  // namespace shopkeep::zendesk
