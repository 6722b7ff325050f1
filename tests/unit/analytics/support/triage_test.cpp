#include "analytics/support/triage.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace shopkeep;
using namespace shopkeep::analytics::support;

namespace {

Instant at(const char* text) { return *parse_rfc3339(text); }

Message from_requester(const char* text, const char* when) { return {text, at(when), Message::From::requester}; }
Message from_agent(const char* text, const char* when) { return {text, at(when), Message::From::agent}; }

const Reason* find_reason(const Triage& t, const std::string& start) {
  auto it =
      std::find_if(t.reasons.begin(), t.reasons.end(), [&](const Reason& r) { return r.reason.rfind(start, 0) == 0; });
  return it == t.reasons.end() ? nullptr : &*it;
}

TicketFacts open_ticket(const char* subject) {
  TicketFacts f;
  f.ticket_id = 1;
  f.subject = subject;
  f.status = "open";
  f.priority = "normal";
  f.created_at = at("2025-03-01T09:00:00Z");
  return f;
}

const Triager& triager() {
  static const Triager t{TriageConfig{}};
  return t;
}

}  // namespace

TEST_CASE("a calm question is neither negative nor escalated") {
  auto f = open_ticket("Grinder");
  f.messages = {from_requester("Does the grinder work for espresso? Thanks!", "2025-03-01T09:00:00Z"),
                from_agent("Yes it does.", "2025-03-01T10:00:00Z")};
  auto t = triager().triage(f, at("2025-03-01T12:00:00Z"));
  CHECK(t.score == 0);
  CHECK_FALSE(t.escalate);
  CHECK(t.reasons.empty());
  CHECK(t.category == "product_question");
}

TEST_CASE("getting worse counts more than being bad once") {
  auto steady = open_ticket("Kettle");
  steady.messages = {from_requester("The kettle arrived broken. Really disappointing.", "2025-03-01T09:00:00Z")};
  auto worse = open_ticket("Kettle");
  worse.messages = {from_requester("Hi, the kettle is slightly annoying.", "2025-03-01T09:00:00Z"),
                    from_agent("Sorry! We will look into it.", "2025-03-01T10:00:00Z"),
                    from_requester("The kettle arrived broken. Really disappointing.", "2025-03-02T09:00:00Z")};
  auto a = triager().triage(steady, std::nullopt), b = triager().triage(worse, std::nullopt);
  CHECK(a.sentiment == doctest::Approx(b.sentiment));  // the same latest message
  CHECK_FALSE(a.sentiment_trend);
  REQUIRE(b.sentiment_trend);
  CHECK(*b.sentiment_trend < -0.2);
  CHECK(find_reason(b, "getting worse") != nullptr);
  CHECK(b.score > a.score);
}

TEST_CASE("reply targets per priority: overdue, due soon, or not waiting at all") {
  auto f = open_ticket("Question");
  f.priority = "high";  // 4 hours
  f.messages = {from_requester("Is the tea organic?", "2025-03-01T09:00:00Z")};
  const Reason* r = nullptr;
  auto overdue = triager().triage(f, at("2025-03-01T14:00:00Z"));
  REQUIRE((r = find_reason(overdue, "first reply overdue")));
  CHECK(r->points == 20);
  CHECK(r->reason == "first reply overdue: waiting 5 h, target 4 h (high priority)");
  auto soon = triager().triage(f, at("2025-03-01T12:10:00Z"));
  REQUIRE((r = find_reason(soon, "first reply due soon")));
  CHECK(r->points == 10);
  f.messages.push_back(from_agent("Yes, certified.", "2025-03-01T10:00:00Z"));
  CHECK(find_reason(triager().triage(f, at("2025-03-05T00:00:00Z")), "first reply") == nullptr);
  f.messages.push_back(from_requester("And the green one?", "2025-03-01T11:00:00Z"));
  CHECK(find_reason(triager().triage(f, at("2025-03-01T16:00:00Z")), "reply overdue") != nullptr);
  f.status = "pending";  // waiting for the customer: no target runs
  CHECK(find_reason(triager().triage(f, at("2025-03-05T00:00:00Z")), "reply") == nullptr);
  CHECK(find_reason(triager().triage(f, std::nullopt), "reply") == nullptr);
}

TEST_CASE("follow-ups without an answer, threats and Zendesk's own sentiment tags each add their points") {
  auto f = open_ticket("Order 1042");
  f.tags = {"sentiment__negative"};
  f.messages = {from_requester("Where is my order?", "2025-03-01T09:00:00Z"),
                from_requester("Hello??", "2025-03-02T09:00:00Z"),
                from_requester("Third time I write. I will take legal action.", "2025-03-03T09:00:00Z")};
  auto t = triager().triage(f, std::nullopt);
  const Reason* r = nullptr;
  REQUIRE((r = find_reason(t, "3 messages without an answer")));
  CHECK(r->points == 16);
  REQUIRE((r = find_reason(t, "threatens legal action")));
  CHECK(r->points == 40);
  CHECK(r->reason.find("legal") != std::string::npos);
  CHECK(find_reason(t, "Zendesk sentiment: negative") != nullptr);
  CHECK(find_reason(t, "says earlier messages went unanswered") != nullptr);
  CHECK(t.escalate);
  CHECK(t.score <= 100);
  for (size_t i = 1; i < t.reasons.size(); ++i) CHECK(t.reasons[i - 1].points >= t.reasons[i].points);
}

TEST_CASE("customer and order value raise a ticket with a problem, never a ticket without one") {
  auto f = open_ticket("Invoice");
  f.messages = {from_requester("Could you send the invoice for my order?", "2025-03-01T09:00:00Z"),
                from_agent("Attached.", "2025-03-01T10:00:00Z")};
  f.customer = CustomerStanding{95.0, "812.40", "EUR", "Champions", false};
  f.order = OrderAtStake{"#1042", "250.00", "EUR", 96.0, true};
  auto calm = triager().triage(f, at("2025-03-02T00:00:00Z"));
  CHECK(calm.score == 0);
  f.reopens = 1;
  auto reopened = triager().triage(f, at("2025-03-02T00:00:00Z"));
  CHECK(find_reason(reopened, "top 10% customer by CLV (812.40 EUR)") != nullptr);
  CHECK(find_reason(reopened, "VIP segment: Champions") != nullptr);
  CHECK(find_reason(reopened, "order #1042 at stake: 250.00 EUR, in the top 10% of orders") != nullptr);
  CHECK(reopened.score == 10 + 15 + 10 + 10);
  CHECK(reopened.escalate);
}

TEST_CASE("history: other recent tickets, reopens and bad ratings, each capped") {
  auto f = open_ticket("Again");
  f.messages = {from_requester("Hi.", "2025-03-01T09:00:00Z"), from_agent("Hello!", "2025-03-01T10:00:00Z")};
  f.other_recent_tickets = 5;
  f.reopens = 3;
  f.csat = "bad";
  f.recent_bad_csat = 1;
  auto t = triager().triage(f, std::nullopt);
  CHECK(find_reason(t, "5 other tickets in the last 30 days")->points == 18);
  CHECK(find_reason(t, "reopened 3 times")->points == 20);
  CHECK(find_reason(t, "rated this ticket bad")->points == 20);
  CHECK(find_reason(t, "rated 1 other ticket bad in the last 90 days")->points == 10);
  CHECK(t.score == 68);
}

TEST_CASE("the threshold and points come from the config") {
  TriageConfig config;
  config.threshold = 90;
  config.points.threat = 5;
  Triager strict(config);
  auto f = open_ticket("Refund");
  f.messages = {from_requester("Refund me or I call my lawyer.", "2025-03-01T09:00:00Z")};
  auto t = strict.triage(f, std::nullopt);
  CHECK(find_reason(t, "threatens legal action")->points == 5);
  CHECK_FALSE(t.escalate);
}
