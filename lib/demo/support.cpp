#include "demo/support.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "demo/commerce.hpp"
#include "demo/json_line.hpp"
#include "demo/output_file.hpp"

namespace shopkeep::demo {

namespace {

constexpr std::int64_t kMinute = 60, kDay = 86400;

struct Topic {
  const char* subject;
  const char* body;
  const char* reply;
  const char* tag;
  int sentiment;  // -1 negative, 0 neutral, 1 positive
  int team;       // index into kTeams: the Zendesk group the topic is routed to
};

// The shop's support teams (Zendesk groups), each topic routed to one, as a triggers setup would.
struct Team {
  std::int64_t id;
  const char* name;
};
const Team kTeams[] = {{20001, "Orders & delivery"}, {20002, "Billing"}, {20003, "Product advice"}};

const Topic kTopics[] = {
    {"Where is my order #{n}?", "Hi, I ordered {p} ten days ago and it still has not arrived. Can you check?",
     "Sorry for the wait! Your parcel left our warehouse yesterday; here is the tracking link.", "shipping", -1, 0},
    {"Damaged package", "The {p} arrived broken, the box was crushed. Very disappointing.",
     "We are so sorry. A replacement is on its way, no need to send the broken one back.", "damaged", -1, 0},
    {"Refund request for order #{n}", "I would like to return {p} and get my money back, it is not what I expected.",
     "No problem, I have started the refund. You will see it within 5 business days.", "refund", -1, 1},
    {"Wrong item received", "I ordered {p} but received something else. Please fix this quickly.",
     "Apologies for the mix-up! The right item ships today with express delivery.", "wrong_item", -1, 0},
    {"Discount code not working", "The code WELCOME10 says invalid at checkout. Can you help?",
     "The code is valid for first orders only; I applied the discount to your order manually.", "discount", 0, 1},
    {"Question about {p}", "Is {p} suitable for a French press? And how long does it stay fresh?",
     "Yes, it works well in a French press. Unopened it keeps for about six months.", "product_question", 0, 2},
    {"Change my delivery address", "Could you send order #{n} to my office instead? Thanks!",
     "Done, the address is updated for this order.", "address", 0, 0},
    {"Cancel order #{n}", "Please cancel my order, I ordered twice by mistake.",
     "Your duplicate order is cancelled and refunded.", "cancel", 0, 1},
    {"Subscription for {p}?", "Do you offer a subscription so that {p} arrives every month?",
     "Not yet, but we will remind you when it is time to reorder.", "subscription", 0, 2},
    {"Love the {p}!", "Just wanted to say the {p} is fantastic. Thank you for the quick delivery!",
     "Thank you so much for the kind words, that made our day!", "compliment", 1, 2},
    {"Invoice needed", "Can you send me an invoice with VAT for order #{n}?",
     "Attached you find the invoice for your order.", "invoice", 0, 1},
    {"Still waiting for an answer!!", "This is my third message. Nobody answers. Where is my refund?",
     "I am very sorry for the delay; your refund was issued today.", "escalation", -1, 1},
};

const char* kProducts[] = {"Espresso Beans", "Earl Grey", "Gooseneck Kettle", "Ceramic Mug", "Hand Grinder",
                           "Paper Filters",  "Chai",      "French Press"};

std::string fill(std::string text, Rng& rng) {
  auto replace = [&](const std::string& key, const std::string& value) {
    for (size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), value);
  };
  replace("{n}", std::to_string(rng.between(1001, 9000)));
  replace("{p}", kProducts[rng.below(std::size(kProducts))]);
  return text;
}

std::string spaced_email(Rng& rng, const std::string& email) {
  // Support systems hold emails as people typed them.
  if (rng.chance(0.08)) {
    std::string upper = email;
    upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
    return upper;
  }
  if (rng.chance(0.03)) return email + " ";
  return email;
}

class SupportWriter {
 public:
  SupportWriter(const std::filesystem::path& dir, Rng& rng, const std::vector<Person>& people, const SupportPlan& plan)
      : dir_(dir),
        rng_(rng),
        people_(people),
        plan_(plan),
        tickets_(dir / "tickets.json"),
        metrics_(dir / "metric_sets.part"),
        events_(dir / "ticket_events.json"),
        ratings_(dir / "satisfaction_ratings.json"),
        users_(dir / "users.json") {
    tickets_.write("{\"tickets\":[\n");
    events_.write("{\"ticket_events\":[\n");
    ratings_.write("{\"satisfaction_ratings\":[\n");
    users_.write("{\"users\":[\n");
    for (int a = 1; a <= 6; ++a) {
      std::string name = std::string(first_name(rng_)) + " (Support)";
      user(360000000000 + a, name, "agent" + std::to_string(a) + "@northwind-coffee.example", "agent",
           plan_.start - 90 * kDay);
    }
  }

  void ticket(std::uint64_t n) {
    std::int64_t id = 10001 + static_cast<std::int64_t>(n);
    // Recent months carry more tickets than old ones.
    std::int64_t history = plan_.end - plan_.start;
    std::int64_t created =
        plan_.end - static_cast<std::int64_t>(std::pow(rng_.uniform(), 1.6) * static_cast<double>(history));
    std::int64_t requester = requester_for(created);
    const Topic& topic = kTopics[rng_.below(std::size(kTopics))];
    std::string subject = fill(topic.subject, rng_), body = fill(topic.body, rng_);
    double p = rng_.uniform();
    std::string priority = p < 0.1 ? "" : p < 0.3 ? "low" : p < 0.75 ? "normal" : p < 0.93 ? "high" : "urgent";
    if (topic.sentiment < 0 && priority == "low") priority = "normal";
    // First reply: usually within hours, sometimes days (SLA breaches); urgent is faster.
    double reply_minutes = std::exp(rng_.normal(priority == "urgent" ? 3.5 : 4.7, 1.1));
    std::int64_t reply = static_cast<std::int64_t>(std::max(2.0, reply_minutes));
    int replies = rng_.chance(0.5) ? 1 : static_cast<int>(rng_.between(2, 4));
    std::int64_t resolution = reply + static_cast<std::int64_t>(rng_.exponential(replies * 600.0));
    std::int64_t age = plan_.end - created;
    std::string status;
    if (age < reply * kMinute)
      status = "new", replies = 0;
    else if (age < resolution * kMinute || age < 2 * kDay)
      status = rng_.chance(0.5) ? "open" : "pending";
    else if (rng_.chance(0.05))
      status = "open";  // forgotten: unsolved for a long time
    else if (rng_.chance(0.02))
      status = "hold";
    else
      status = age > 30 * kDay ? "closed" : "solved";
    bool solved = status == "solved" || status == "closed";
    std::int64_t solved_at = created + resolution * kMinute;
    std::int64_t updated = solved ? solved_at : std::min(plan_.end, created + (replies ? reply * kMinute : 0));

    JsonLine& j = j_;
    j.begin()
        .num("id", id)
        .str("url", "https://northwind.zendesk.com/api/v2/tickets/" + std::to_string(id) + ".json")
        .raw("via", rng_.chance(0.7) ? "{\"channel\":\"email\"}" : "{\"channel\":\"web\"}")
        .str("created_at", iso_time(created))
        .str("updated_at", iso_time(updated))
        .str("type", topic.sentiment < 0 ? "problem" : "question")
        .str("subject", subject)
        .str("raw_subject", subject)
        .str("description", body);
    if (priority.empty())
      j.null("priority");
    else
      j.str("priority", priority);
    j.str("status", status).num("requester_id", requester).num("submitter_id", requester);
    if (replies)
      j.num("assignee_id", agent());
    else
      j.null("assignee_id");
    j.raw("tags", "[" + JsonLine::quote(topic.tag) + "]").num("group_id", kTeams[topic.team].id);
    separator(tickets_, first_ticket_);
    tickets_.write(j.end());

    j.begin().num("id", 70000 + id).num("ticket_id", id);
    if (replies)
      j.raw("reply_time_in_minutes",
            "{\"calendar\":" + std::to_string(reply) + ",\"business\":" + std::to_string(reply * 2 / 3) + "}");
    else
      j.raw("reply_time_in_minutes", "{\"calendar\":null,\"business\":null}");
    std::string full =
        solved ? "{\"calendar\":" + std::to_string(resolution) + ",\"business\":" + std::to_string(resolution / 2) + "}"
               : "{\"calendar\":null,\"business\":null}";
    j.raw("first_resolution_time_in_minutes", full)
        .raw("full_resolution_time_in_minutes", full)
        .num("replies", replies)
        .num("reopens", rng_.chance(0.05) ? 1 : 0);
    if (solved)
      j.str("solved_at", iso_time(solved_at));
    else
      j.null("solved_at");
    j.str("created_at", iso_time(created)).str("updated_at", iso_time(updated));
    separator(metrics_, first_metric_);
    metrics_.write(j.end());

    comment_event(id, created, requester, body, true);
    std::int64_t at = created + reply * kMinute;
    for (int r = 0; r < replies; ++r) {
      comment_event(id, at, agent(), r == 0 ? topic.reply : "Is there anything else I can help with?", true);
      if (rng_.chance(0.12)) comment_event(id, at + 60, agent(), "Internal: checked the order in Shopify.", false);
      at += static_cast<std::int64_t>(rng_.exponential(300)) * kMinute + kMinute;
    }
    if (solved && rng_.chance(0.45)) rating(id, requester, solved_at, topic.sentiment, reply);
  }

  void close() {
    tickets_.write("\n],\"metric_sets\":[\n");
    metrics_.close();
    {
      std::FILE* part = std::fopen((dir_ / "metric_sets.part").c_str(), "rb");
      char buffer[1 << 16];
      size_t got;
      while (part && (got = std::fread(buffer, 1, sizeof buffer, part)) > 0)
        tickets_.write(std::string_view(buffer, got));
      if (part) std::fclose(part);
      std::filesystem::remove(dir_ / "metric_sets.part");
    }
    tickets_.write("\n],\"after_url\":null,\"after_cursor\":null,\"before_cursor\":null,\"end_of_stream\":true}\n");
    events_.write("\n],\"next_page\":null,\"end_of_stream\":true}\n");
    ratings_.write("\n],\"next_page\":null,\"previous_page\":null}\n");
    users_.write("\n],\"after_url\":null,\"end_of_stream\":true}\n");
    write_groups();
    tickets_.close();
    events_.close();
    ratings_.close();
    users_.close();
  }

 private:
  static void separator(OutputFile& f, bool& first) {
    if (!first) f.write(",\n");
    first = false;
  }

  // groups.json as Zendesk's List Groups answers it.
  void write_groups() {
    OutputFile groups(dir_ / "groups.json");
    groups.write("{\"groups\":[\n");
    bool first = true;
    for (const Team& t : kTeams) {
      j_.begin()
          .num("id", t.id)
          .str("name", t.name)
          .str("description", "")
          .boolean("default", t.id == kTeams[0].id)
          .boolean("deleted", false)
          .str("created_at", iso_time(plan_.start - 90 * kDay))
          .str("updated_at", iso_time(plan_.start - 90 * kDay));
      separator(groups, first);
      groups.write(j_.end());
    }
    groups.write("\n],\"next_page\":null,\"previous_page\":null,\"count\":" + std::to_string(std::size(kTeams)) +
                 "}\n");
    groups.close();
  }

  std::int64_t agent() { return 360000000001 + static_cast<std::int64_t>(rng_.below(6)); }

  void user(std::int64_t id, const std::string& name, const std::string& email, const char* role,
            std::int64_t created) {
    j_.begin()
        .num("id", id)
        .str("name", name)
        .str("email", email)
        .str("role", role)
        .boolean("active", true)
        .str("created_at", iso_time(created))
        .str("updated_at", iso_time(created));
    separator(users_, first_user_);
    users_.write(j_.end());
  }

  // 85% of requesters are the shop's customers (some write often), the rest are visitors.
  std::int64_t requester_for(std::int64_t created) {
    if (!people_.empty() && rng_.chance(0.85)) {
      size_t index = rng_.below(people_.size());
      if (rng_.chance(0.3) && !recent_.empty()) index = recent_[rng_.below(recent_.size())];  // repeated contacts
      auto [it, fresh] = zendesk_ids_.try_emplace(index, 361000000000 + static_cast<std::int64_t>(index));
      if (fresh) {
        const Person& p = people_[index];
        user(it->second, p.first + " " + p.last, spaced_email(rng_, p.email), "end-user", created);
        recent_.push_back(index);
        if (recent_.size() > 50) recent_.erase(recent_.begin());
      }
      return it->second;
    }
    std::int64_t id = 362000000000 + static_cast<std::int64_t>(visitors_++);
    user(id, std::string(first_name(rng_)) + " " + std::string(last_name(rng_)),
         "visitor" + std::to_string(visitors_) + "@example.org", "end-user", created);
    return id;
  }

  void comment_event(std::int64_t ticket, std::int64_t at, std::int64_t author, const std::string& body,
                     bool is_public) {
    std::int64_t event = 900000 + static_cast<std::int64_t>(events_written_++) * 2;
    j_.begin()
        .num("id", event)
        .num("ticket_id", ticket)
        .num("timestamp", at)
        .str("created_at", iso_time(at))
        .num("updater_id", author)
        .str("via", "Mail")
        .str("event_type", "Audit");
    JsonLine child;
    child.begin()
        .num("id", event + 1)
        .str("via", "Mail")
        .str("event_type", "Comment")
        .str("body", body)
        .boolean("public", is_public)
        .num("author_id", author)
        .raw("attachments", "[]");
    j_.raw("child_events", "[" + child.end() + "]");
    separator(events_, first_event_);
    events_.write(j_.end());
  }

  void rating(std::int64_t ticket, std::int64_t requester, std::int64_t at, int sentiment, std::int64_t reply_minutes) {
    double p_bad = 0.08 + (sentiment < 0 ? 0.25 : 0) + (reply_minutes > 8 * 60 ? 0.25 : 0);
    bool bad = rng_.chance(p_bad);
    std::int64_t rated = at + rng_.between(1, 48) * 3600;
    j_.begin()
        .num("id", 50000 + ticket)
        .num("assignee_id", agent())
        .num("requester_id", requester)
        .num("ticket_id", ticket)
        .str("score", bad ? "bad" : "good");
    if (bad)
      j_.str("comment", "Took far too long.").str("reason", "Issue took too long to resolve");
    else
      j_.str("comment", rng_.chance(0.5) ? "Great help, thanks!" : "").null("reason");
    j_.str("created_at", iso_time(rated)).str("updated_at", iso_time(rated));
    separator(ratings_, first_rating_);
    ratings_.write(j_.end());
    // Half of the bad ratings get a follow-up from an agent; the rest are an audit finding.
    if (bad && rng_.chance(0.5))
      comment_event(ticket, rated + 2 * 3600, agent(),
                    "I am sorry we let you down. Here is a voucher for your next order.", true);
  }

  std::filesystem::path dir_;
  Rng& rng_;
  const std::vector<Person>& people_;
  SupportPlan plan_;
  OutputFile tickets_, metrics_, events_, ratings_, users_;
  JsonLine j_;
  bool first_ticket_ = true, first_metric_ = true, first_event_ = true, first_rating_ = true, first_user_ = true;
  std::unordered_map<size_t, std::int64_t> zendesk_ids_;
  std::vector<size_t> recent_;
  std::uint64_t visitors_ = 0, events_written_ = 0;
};

}  // namespace

std::uint64_t write_support(const std::filesystem::path& dir, Rng& rng, const std::vector<Person>& people,
                            const SupportPlan& plan) {
  SupportWriter writer(dir, rng, people, plan);
  for (std::uint64_t n = 0; n < plan.tickets; ++n) writer.ticket(n);
  writer.close();
  return plan.tickets;
}

}  // namespace shopkeep::demo
