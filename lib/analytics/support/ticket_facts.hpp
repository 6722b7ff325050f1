#pragma once
// The open tickets of the store with everything triage weighs: the public comments (who wrote
// them), metrics, ratings, the requester's other tickets, their standing as a customer and the
// order at stake. Loaded with a handful of queries per run, not per ticket.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/support/customer_standing.hpp"
#include "analytics/support/triage.hpp"
#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::support {

struct OpenTicket {
  TicketFacts facts;
  std::optional<std::string> requester_name, requester_email;
  std::optional<std::int64_t> customer_id;
  std::string updated_at;  // as stored (RFC 3339), for a safe update
};

// Tickets not deleted, created before `now`, whose status is new, open, pending or hold; comments
// after `now` are left out, so a run with --now sees the store as it was then.
std::vector<OpenTicket> load_open_tickets(store::Db& db, const TriageConfig& config, const store::ShopSettings& shop,
                                          Instant now, const CustomerStandings& standings);

// Order names a text mentions: "#1042", "order 1042", "order no. 1042" -> "#1042".
std::vector<std::string> order_references(const std::string& text);

}  // namespace shopkeep::analytics::support
