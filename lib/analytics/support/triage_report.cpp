#include "analytics/support/triage_report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace shopkeep::analytics::support {

namespace {

nlohmann::ordered_json text_or_null(const std::optional<std::string>& s) {
  return s && !s->empty() ? nlohmann::ordered_json(*s) : nlohmann::ordered_json();
}

// At most `limit` code points, with an ellipsis when cut.
std::string shortened(const std::string& text, size_t limit) {
  size_t points = 0, at = 0;
  for (; at < text.size(); ++at)
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && ++points > limit) break;
  return at < text.size() ? text.substr(0, at) + "…" : text;
}

nlohmann::ordered_json url_of(std::int64_t id, const std::optional<std::string>& base) {
  if (!base) return nullptr;
  return *base + "/agent/tickets/" + std::to_string(id);
}

}  // namespace

std::vector<TriagedTicket> triage_open_tickets(store::Db& db, const Config& config, const TriageConfig& triage_config,
                                               const store::ShopSettings& shop, Instant now, Reporter& reporter) {
  auto standings = CustomerStandings::compute(db, config, shop, now, triage_config.vip_tags, reporter);
  Triager triager(triage_config);
  return triage_tickets(load_open_tickets(db, triage_config, shop, now, standings), triager, now);
}

std::vector<TriagedTicket> triage_tickets(std::vector<OpenTicket> tickets, const Triager& triager, Instant now) {
  std::vector<TriagedTicket> out;
  out.reserve(tickets.size());
  for (auto& t : tickets) {
    Triage triage = triager.triage(t.facts, now);
    out.push_back({std::move(t), std::move(triage)});
  }
  std::stable_sort(out.begin(), out.end(), [](const TriagedTicket& a, const TriagedTicket& b) {
    if (a.triage.score != b.triage.score) return a.triage.score > b.triage.score;
    const auto &ca = a.ticket.facts.created_at, &cb = b.ticket.facts.created_at;
    if (ca != cb) return ca && (!cb || *ca < *cb);
    return a.ticket.facts.ticket_id < b.ticket.facts.ticket_id;
  });
  return out;
}

nlohmann::ordered_json triage_row(const TriagedTicket& t, const std::optional<std::string>& zendesk_base) {
  const auto& f = t.ticket.facts;
  nlohmann::ordered_json row;
  row["ticket_id"] = f.ticket_id;
  row["subject"] = f.subject;
  row["requester_name"] = text_or_null(t.ticket.requester_name);
  row["requester_email"] = text_or_null(t.ticket.requester_email);
  row["customer_id"] = t.ticket.customer_id ? nlohmann::ordered_json(*t.ticket.customer_id) : nlohmann::ordered_json();
  row["url"] = url_of(f.ticket_id, zendesk_base);
  row["status"] = f.status;
  row["priority"] = f.priority.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.priority);
  row["sentiment"] = python_round(t.triage.sentiment, 4);
  row["sentiment_trend"] = t.triage.sentiment_trend ? nlohmann::ordered_json(python_round(*t.triage.sentiment_trend, 4))
                                                    : nlohmann::ordered_json();
  row["category"] = t.triage.category;
  row["escalation_score"] = t.triage.score;
  row["escalate"] = t.triage.escalate;
  row["reasons"] = reasons_json(t.triage.reasons);
  return row;
}

nlohmann::ordered_json triage_table_row(const TriagedTicket& t, const std::optional<std::string>& zendesk_base) {
  const auto& f = t.ticket.facts;
  std::string who = t.ticket.requester_name.value_or("");
  if (t.ticket.requester_email) who += (who.empty() ? "" : " ") + ("<" + *t.ticket.requester_email + ">");
  // The three heaviest reasons fit a terminal; --json has them all.
  std::string reasons;
  size_t shown = std::min<size_t>(3, t.triage.reasons.size());
  for (size_t i = 0; i < shown; ++i)
    reasons += fmt::format("{}{} (+{})", i ? "; " : "", t.triage.reasons[i].reason, t.triage.reasons[i].points);
  if (t.triage.reasons.size() > shown) reasons += fmt::format("; {} more", t.triage.reasons.size() - shown);
  std::string subject = shortened(f.subject, 40);
  nlohmann::ordered_json row;
  row["ticket"] = f.ticket_id;
  row["score"] = t.triage.score;
  row["escalate"] = t.triage.escalate ? "yes" : "";
  row["category"] = t.triage.category;
  row["sentiment"] = fmt::format("{:+.2f}", t.triage.sentiment);
  row["subject"] = subject;
  row["requester"] = who;
  row["reasons"] = reasons;
  row["url"] = url_of(f.ticket_id, zendesk_base);
  return row;
}

}  // namespace shopkeep::analytics::support
