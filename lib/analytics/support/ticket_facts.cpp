#include "analytics/support/ticket_facts.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <unordered_map>

#include "core/money.hpp"

namespace shopkeep::analytics::support {

namespace {

constexpr const char* kOpenStatuses = "('new', 'open', 'pending', 'hold')";

std::optional<Instant> time_of(const std::optional<std::string>& text) {
  return text ? parse_rfc3339(*text) : std::nullopt;
}

std::string trimmed_lower(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::vector<std::string> json_tags(const std::optional<std::string>& text) {
  std::vector<std::string> tags;
  if (!text) return tags;
  auto j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_array())
    for (const auto& t : j)
      if (t.is_string()) tags.push_back(t.get<std::string>());
  return tags;
}

void load_tickets(store::Db& db, Instant now, std::vector<OpenTicket>& tickets,
                  std::unordered_map<std::int64_t, size_t>& index, std::vector<std::int64_t>& requesters) {
  std::unordered_map<std::string, std::int64_t> customers_by_email;
  store::Stmt people(db, "SELECT email, customer_id FROM people WHERE customer_id IS NOT NULL");
  while (people.step()) customers_by_email[people.get_text(0)] = people.get_int(1);
  store::Stmt s(db, std::string("SELECT t.id, t.subject, t.description, t.status, t.priority, t.channel, t.tags, "
                                "t.created_at, t.updated_at, t.requester_id, u.name, u.email FROM tickets t "
                                "LEFT JOIN zendesk_users u ON u.id = t.requester_id "
                                "WHERE t.deleted_at IS NULL AND t.status IN ") +
                        kOpenStatuses + " AND (t.created_at IS NULL OR t.created_at <= ?1) ORDER BY t.id");
  s.bind(1, format_rfc3339(now));
  while (s.step()) {
    OpenTicket t;
    auto& f = t.facts;
    f.ticket_id = s.get_int(0);
    f.subject = s.get_opt_text(1).value_or("");
    f.status = s.get_opt_text(3).value_or("");
    f.priority = s.get_opt_text(4).value_or("");
    f.channel = s.get_opt_text(5).value_or("");
    f.tags = json_tags(s.get_opt_text(6));
    f.created_at = time_of(s.get_opt_text(7));
    t.updated_at = s.get_opt_text(8).value_or("");
    t.requester_name = s.get_opt_text(10);
    t.requester_email = s.get_opt_text(11);
    if (t.requester_email) {
      auto it = customers_by_email.find(trimmed_lower(*t.requester_email));
      if (it != customers_by_email.end()) t.customer_id = it->second;
    }
    // The description is the first comment; it stands in when no comments were synced.
    if (auto description = s.get_opt_text(2); description && !description->empty())
      f.messages.push_back({*description, f.created_at, Message::From::requester});
    requesters.push_back(s.get_opt_int(9).value_or(0));
    index[f.ticket_id] = tickets.size();
    tickets.push_back(std::move(t));
  }
}

void load_comments(store::Db& db, Instant now, std::vector<OpenTicket>& tickets,
                   const std::unordered_map<std::int64_t, size_t>& index, const std::vector<std::int64_t>& requesters) {
  store::Stmt s(db, std::string("SELECT c.ticket_id, c.author_id, c.body, c.created_at, u.role FROM ticket_comments c "
                                "JOIN tickets t ON t.id = c.ticket_id LEFT JOIN zendesk_users u ON u.id = c.author_id "
                                "WHERE c.public = 1 AND t.deleted_at IS NULL AND t.status IN ") +
                        kOpenStatuses + " AND (c.created_at IS NULL OR c.created_at <= ?1) " +
                        "ORDER BY c.ticket_id, c.created_at, c.id");
  s.bind(1, format_rfc3339(now));
  std::int64_t current = -1;
  while (s.step()) {
    auto it = index.find(s.get_int(0));
    if (it == index.end()) continue;
    auto& facts = tickets[it->second].facts;
    if (s.get_int(0) != current) {
      facts.messages.clear();  // comments replace the description, which is the first of them
      current = s.get_int(0);
    }
    auto author = s.get_opt_int(1);
    auto role = s.get_opt_text(4);
    Message::From from = Message::From::agent;
    if (author && *author == requesters[it->second])
      from = Message::From::requester;
    else if (role && *role == "end-user")
      from = Message::From::other;  // a CC'd customer, not an answer
    facts.messages.push_back({s.get_opt_text(2).value_or(""), time_of(s.get_opt_text(3)), from});
  }
}

void load_metrics_and_ratings(store::Db& db, const TriageConfig& config, Instant now, std::vector<OpenTicket>& tickets,
                              const std::unordered_map<std::int64_t, size_t>& index,
                              const std::vector<std::int64_t>& requesters) {
  store::Stmt metrics(db, "SELECT ticket_id, max(coalesce(reopens, 0)) FROM ticket_metrics GROUP BY ticket_id");
  while (metrics.step())
    if (auto it = index.find(metrics.get_int(0)); it != index.end())
      tickets[it->second].facts.reopens = static_cast<int>(metrics.get_int(1));

  // The latest rating of each open ticket, and each requester's bad ratings of other tickets lately.
  std::string since = format_rfc3339(now - std::chrono::days{config.csat_window_days});
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> bad_by_requester;  // requester -> rated tickets
  store::Stmt ratings(db,
                      "SELECT ticket_id, requester_id, score, created_at FROM satisfaction_ratings "
                      "WHERE created_at IS NULL OR created_at <= ?1 ORDER BY created_at, id");
  ratings.bind(1, format_rfc3339(now));
  while (ratings.step()) {
    auto ticket = ratings.get_opt_int(0);
    auto score = ratings.get_opt_text(2);
    if (ticket)
      if (auto it = index.find(*ticket); it != index.end() && score) tickets[it->second].facts.csat = *score;
    auto at = ratings.get_opt_text(3);
    if (score && *score == "bad" && ratings.get_opt_int(1) && ticket && at && *at >= since)
      bad_by_requester[*ratings.get_opt_int(1)].push_back(*ticket);
  }
  for (auto& [id, i] : index) {
    auto it = bad_by_requester.find(requesters[i]);
    if (it == bad_by_requester.end()) continue;
    tickets[i].facts.recent_bad_csat = static_cast<int>(
        std::count_if(it->second.begin(), it->second.end(), [id = id](std::int64_t rated) { return rated != id; }));
  }
}

void load_other_tickets(store::Db& db, const TriageConfig& config, Instant now, std::vector<OpenTicket>& tickets,
                        const std::unordered_map<std::int64_t, size_t>& index,
                        const std::vector<std::int64_t>& requesters) {
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> by_requester;
  store::Stmt s(db,
                "SELECT requester_id, id FROM tickets WHERE deleted_at IS NULL AND requester_id IS NOT NULL "
                "AND created_at >= ?1 AND created_at <= ?2");
  s.bind(1, format_rfc3339(now - std::chrono::days{config.repeat_window_days}));
  s.bind(2, format_rfc3339(now));
  while (s.step()) by_requester[s.get_int(0)].push_back(s.get_int(1));
  for (auto& [id, i] : index) {
    auto it = by_requester.find(requesters[i]);
    if (it == by_requester.end() || requesters[i] == 0) continue;
    tickets[i].facts.other_recent_tickets = static_cast<int>(
        std::count_if(it->second.begin(), it->second.end(), [id = id](std::int64_t other) { return other != id; }));
  }
}

class OrderLookup {
 public:
  OrderLookup(store::Db& db, const store::ShopSettings& shop, Instant now, int window_days)
      : shop_(shop),
        now_(format_rfc3339(now)),
        since_(format_rfc3339(now - std::chrono::days{window_days})),
        by_name_(db,
                 "SELECT name, total_price, currency FROM counted_orders WHERE name = ?1 AND ordered_at <= ?2 "
                 "ORDER BY id LIMIT 1"),
        latest_(db,
                "SELECT name, total_price, currency FROM counted_orders WHERE customer_id = ?1 AND ordered_at >= ?2 "
                "AND ordered_at <= ?3 ORDER BY ordered_at DESC, id DESC LIMIT 1") {
    store::Stmt totals(db, "SELECT total_price FROM counted_orders WHERE ordered_at <= ?1");
    totals.bind(1, now_);
    while (totals.step())
      if (auto minor = parse_minor_units(totals.get_opt_text(0).value_or(""), shop.currency_exponent))
        totals_.push_back(*minor);
    std::sort(totals_.begin(), totals_.end());
  }

  std::optional<OrderAtStake> find(const TicketFacts& facts, std::optional<std::int64_t> customer_id) {
    std::string text = facts.subject;
    for (const auto& m : facts.messages)
      if (m.from == Message::From::requester) text += "\n" + m.text;
    for (const auto& name : order_references(text)) {
      by_name_.reset();
      by_name_.bind(1, name).bind(2, now_);
      if (by_name_.step()) return stake(by_name_, true);
    }
    if (!customer_id) return std::nullopt;
    latest_.reset();
    latest_.bind(1, *customer_id).bind(2, since_).bind(3, now_);
    if (latest_.step()) return stake(latest_, false);
    return std::nullopt;
  }

 private:
  std::optional<OrderAtStake> stake(store::Stmt& row, bool named) {
    auto minor = parse_minor_units(row.get_opt_text(1).value_or(""), shop_.currency_exponent);
    if (!minor) return std::nullopt;
    OrderAtStake o;
    o.name = row.get_opt_text(0).value_or("");
    o.total = format_minor_units(*minor, shop_.currency_exponent);
    o.currency = row.get_opt_text(2).value_or(shop_.currency);
    o.percentile = percentile_below(totals_, *minor);
    o.named = named;
    return o;
  }

  const store::ShopSettings& shop_;
  std::string now_, since_;
  store::Stmt by_name_, latest_;
  std::vector<std::int64_t> totals_;
};

}  // namespace

std::vector<std::string> order_references(const std::string& text) {
  static const std::regex pattern(R"((?:#\s?|\border\s*(?:number|num|no\.?|nr\.?)?\s*[:#]?\s*#?)(\d{3,12})\b)",
                                  std::regex::icase);
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
    std::string name = "#" + (*it)[1].str();
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

std::vector<OpenTicket> load_open_tickets(store::Db& db, const TriageConfig& config, const store::ShopSettings& shop,
                                          Instant now, const CustomerStandings& standings) {
  std::vector<OpenTicket> tickets;
  std::unordered_map<std::int64_t, size_t> index;
  std::vector<std::int64_t> requesters;
  load_tickets(db, now, tickets, index, requesters);
  load_comments(db, now, tickets, index, requesters);
  load_metrics_and_ratings(db, config, now, tickets, index, requesters);
  load_other_tickets(db, config, now, tickets, index, requesters);
  OrderLookup orders(db, shop, now, config.order_window_days);
  for (auto& t : tickets) {
    if (t.customer_id) t.facts.customer = standings.find(*t.customer_id);
    t.facts.order = orders.find(t.facts, t.customer_id);
  }
  return tickets;
}

}  // namespace shopkeep::analytics::support
