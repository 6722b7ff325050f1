#pragma once
// `support triage`: every open ticket triaged, worst first, and its row of cli.md
// (`support triage --json`).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "analytics/support/customer_standing.hpp"
#include "analytics/support/ticket_facts.hpp"
#include "analytics/support/triage.hpp"
#include "core/reporter.hpp"

namespace shopkeep::analytics::support {

struct TriagedTicket {
  OpenTicket ticket;
  Triage triage;
};

// Highest escalation score first; among equals the older ticket, then the lower id.
std::vector<TriagedTicket> triage_tickets(std::vector<OpenTicket> tickets, const Triager& triager, Instant now);

// Every open ticket in the store triaged with `config` (customer standings fitted once), worst
// first: what `support triage`, the demo and the brief all show.
std::vector<TriagedTicket> triage_open_tickets(store::Db& db, const Config& config, const TriageConfig& triage_config,
                                               const store::ShopSettings& shop, Instant now, Reporter& reporter);

// `zendesk_base` ("https://acme.zendesk.com") makes the agent link BASE/agent/tickets/ID; without it
// `url` is null.
nlohmann::ordered_json triage_row(const TriagedTicket& t, const std::optional<std::string>& zendesk_base);

// The same for people: the fields that fit a terminal, reasons with their points in one column.
nlohmann::ordered_json triage_table_row(const TriagedTicket& t, const std::optional<std::string>& zendesk_base);

}  // namespace shopkeep::analytics::support
