#include "zendesk/ticket_update.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "zendesk/body_writer.hpp"

namespace shopkeep::zendesk {

namespace {

using nlohmann::json;

std::vector<std::string> sorted_tags(const json& ticket) {
  std::vector<std::string> tags;
  if (ticket.contains("tags") && ticket["tags"].is_array())
    for (const auto& t : ticket["tags"])
      if (t.is_string()) tags.push_back(t.get<std::string>());
  std::sort(tags.begin(), tags.end());
  return tags;
}

// Whether the ticket as Zendesk has it already carries the change.
bool carries(const json& ticket, const TicketWrite& change) {
  auto wanted = change.tags;
  std::sort(wanted.begin(), wanted.end());
  if (sorted_tags(ticket) != wanted) return false;
  return !change.priority || (ticket.contains("priority") && ticket["priority"] == *change.priority);
}

std::string path_of(std::int64_t id) { return "/api/v2/tickets/" + std::to_string(id) + ".json"; }

}  // namespace

TicketWriteResult write_ticket(ApiClient& client, const TicketWrite& change) {
  json ticket = {{"tags", change.tags}};
  if (change.priority) ticket["priority"] = *change.priority;
  if (!change.updated_stamp.empty()) {
    ticket["safe_update"] = true;
    ticket["updated_stamp"] = change.updated_stamp;
  }
  auto answer = client.put(path_of(change.ticket_id), {{"ticket", ticket}});
  TicketWriteResult result;
  if (answer.status == 404) {
    result.outcome = WriteOutcome::gone;
    return result;
  }
  if (answer.status == 422) {
    std::string why = answer.body.is_object() ? answer.body.value("description", answer.body.dump()) : "";
    throw runtime_error("Zendesk refused to update ticket " + std::to_string(change.ticket_id) + ": " + why);
  }
  if (answer.status == 200) {
    if (!answer.body.is_object() || !answer.body.contains("ticket"))
      throw runtime_error("Zendesk's answer to updating ticket " + std::to_string(change.ticket_id) + " has no ticket");
    result.ticket = answer.body["ticket"];
    return result;
  }
  // 409: the ticket changed since it was synced. If that change (or an earlier try of ours whose
  // answer was lost) already made it what we want, there is nothing to do.
  auto current = client.get(path_of(change.ticket_id), Endpoint::standard);
  if (!current || !current->contains("ticket")) {
    result.outcome = WriteOutcome::gone;
    return result;
  }
  result.ticket = (*current)["ticket"];
  result.outcome = carries(result.ticket, change) ? WriteOutcome::already_current : WriteOutcome::changed_meanwhile;
  return result;
}

void store_ticket(store::Db& db, const json& ticket, Reporter& reporter, const std::string& synced_at) {
  store::Transaction tx(db);
  BodyWriter writer(db, reporter, synced_at);
  writer.write(json{{"tickets", json::array({ticket})}}, "the ticket Zendesk returned");
  tx.commit();
}

}  // namespace shopkeep::zendesk
