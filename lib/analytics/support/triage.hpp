#pragma once
// Triage of one ticket: its sentiment and the trend across the requester's messages, its category,
// and an escalation score (0-100) that adds up every reason a human should look now, each with its
// points. Pure: the facts come from the store (ticket_facts.hpp) or from a labelled file.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/support/categories.hpp"
#include "analytics/support/triage_config.hpp"
#include "analytics/support/vader.hpp"
#include "core/time.hpp"

namespace shopkeep::analytics::support {

// One public comment, oldest first in TicketFacts::messages.
struct Message {
  std::string text;
  std::optional<Instant> at;
  enum class From { requester, agent, other } from = From::requester;
};

// What the shop knows about the person: their CLV standing and RFM segment.
struct CustomerStanding {
  std::optional<double> clv_percentile;  // 0..100, share of customers with a lower CLV
  std::string clv;                       // decimal string, with `currency`
  std::string currency;
  std::string segment;  // RFM segment, "" when unknown
  bool vip_tag = false;
};

// The order the ticket is about: named in it ("#1042"), else the person's latest recent order.
struct OrderAtStake {
  std::string name;  // "#1042"
  std::string total;
  std::string currency;
  double percentile = 0;  // share of the shop's orders with a lower total
  bool named = false;     // the ticket names it
};

struct TicketFacts {
  std::int64_t ticket_id = 0;
  std::string subject, status, priority, channel;
  std::vector<std::string> tags;
  std::optional<Instant> created_at;
  std::vector<Message> messages;
  int reopens = 0;
  std::optional<std::string> csat;  // this ticket's rating: "good", "bad", ...
  int recent_bad_csat = 0;          // the requester's bad ratings of other tickets lately
  int other_recent_tickets = 0;     // the requester's other tickets lately
  std::optional<CustomerStanding> customer;
  std::optional<OrderAtStake> order;
};

struct Reason {
  std::string reason;
  int points = 0;
};

struct Triage {
  std::string category;
  double sentiment = 0;                   // compound of the latest requester message with sentiment
  std::optional<double> sentiment_trend;  // latest minus first such message; none with fewer than two
  int score = 0;                          // 0..100
  bool escalate = false;
  std::vector<Reason> reasons;  // worst first
};

// The engine built once per run from the config: VADER, the shop lexicon and the category rules.
class Triager {
 public:
  explicit Triager(TriageConfig config);
  // `now` is needed for reply targets; without it (a labelled file) they do not count.
  Triage triage(const TicketFacts& facts, std::optional<Instant> now) const;
  const TriageConfig& config() const { return config_; }

 private:
  TriageConfig config_;
  const Vader& vader_;
  Categorizer categorizer_;
};

nlohmann::ordered_json reasons_json(const std::vector<Reason>& reasons);

}  // namespace shopkeep::analytics::support
