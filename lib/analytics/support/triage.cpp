#include "analytics/support/triage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace shopkeep::analytics::support {

namespace {

constexpr double kNeutral = 0.05;  // VADER's usual band: |compound| below this is neutral

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string hours_text(double hours) {
  if (hours < 1) return fmt::format("{} min", static_cast<int>(std::round(hours * 60)));
  if (hours < 48) return fmt::format("{:.0f} h", std::floor(hours));
  return fmt::format("{:.0f} days", std::floor(hours / 24));
}

std::string times(int n) { return n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times"; }

// The requester's messages scored, with what the scoring found in them.
struct ScoredMessages {
  std::vector<double> compounds;  // per requester message, oldest first
  std::vector<SignalHit> signals;
  std::vector<std::vector<std::string>> words;
};

// Index of the last agent message, or -1.
long last_agent_message(const std::vector<Message>& messages) {
  for (long i = static_cast<long>(messages.size()) - 1; i >= 0; --i)
    if (messages[static_cast<size_t>(i)].from == Message::From::agent) return i;
  return -1;
}

class ReasonList {
 public:
  void add(int points, std::string reason) {
    if (points > 0) reasons_.push_back({std::move(reason), points});
  }
  bool empty() const { return reasons_.empty(); }
  void append(ReasonList other) {
    for (auto& r : other.reasons_) reasons_.push_back(std::move(r));
  }
  std::vector<Reason> take() {
    std::stable_sort(reasons_.begin(), reasons_.end(),
                     [](const Reason& a, const Reason& b) { return a.points > b.points; });
    return std::move(reasons_);
  }

 private:
  std::vector<Reason> reasons_;
};

}  // namespace

Triager::Triager(TriageConfig config)
    : config_(std::move(config)), vader_(Vader::standard()), categorizer_(config_.categories) {}

namespace {

ScoredMessages score_messages(const TicketFacts& f, const ShopLexicon& lexicon, const Vader& vader) {
  ScoredMessages s;
  bool first = true;
  auto score = [&](const std::string& text) {
    auto m = lexicon.score(vader, text);
    s.compounds.push_back(m.polarity.compound);
    s.signals.insert(s.signals.end(), m.signals.begin(), m.signals.end());
    s.words.push_back(std::move(m.words));
  };
  for (const auto& message : f.messages) {
    if (message.from != Message::From::requester) continue;
    // The subject belongs to the first message: customers often put their mood there.
    score(first && !f.subject.empty() ? f.subject + "\n" + message.text : message.text);
    first = false;
  }
  if (first && !f.subject.empty()) score(f.subject);
  return s;
}

void sentiment_reasons(const ScoredMessages& s, const Points& points, Triage& t, ReasonList& reasons) {
  std::vector<double> felt;
  for (double c : s.compounds)
    if (std::fabs(c) >= kNeutral) felt.push_back(c);
  if (!felt.empty()) t.sentiment = felt.back();
  if (felt.size() >= 2) t.sentiment_trend = felt.back() - felt.front();
  if (t.sentiment <= -kNeutral)
    reasons.add(static_cast<int>(std::lround(points.negative_sentiment * -t.sentiment)),
                fmt::format("negative sentiment ({:.2f})", t.sentiment));
  if (t.sentiment_trend && *t.sentiment_trend <= -0.2 && t.sentiment < 0)
    reasons.add(
        static_cast<int>(std::lround(points.worsening * std::min(1.0, -*t.sentiment_trend))),
        fmt::format("getting worse: {:.2f} to {:.2f} over {} messages", felt.front(), felt.back(), s.compounds.size()));
}

void signal_reasons(const ScoredMessages& s, const Points& p, ReasonList& reasons) {
  const std::pair<Signal, std::pair<int, const char*>> kinds[] = {
      {Signal::threat, {p.threat, "threatens legal action, a chargeback or a public review"}},
      {Signal::safety, {p.safety, "health or safety issue"}},
      {Signal::security, {p.security, "fraud or account security"}},
      {Signal::human, {p.human, "asks for someone in charge"}},
      {Signal::repeat, {p.repeat, "says earlier messages went unanswered"}},
      {Signal::urgent, {p.urgent, "time-critical"}},
  };
  for (const auto& [signal, what] : kinds) {
    auto hit = std::find_if(s.signals.begin(), s.signals.end(),
                            [&, wanted = signal](const SignalHit& h) { return h.signal == wanted; });
    if (hit != s.signals.end()) reasons.add(what.first, fmt::format("{}: \"{}\"", what.second, hit->term));
  }
}

void zendesk_tag_reasons(const TicketFacts& f, const Points& p, ReasonList& reasons) {
  for (const auto& tag : f.tags) {
    std::string t = lower(tag);
    if (t == "sentiment__very_negative")
      reasons.add(p.zendesk_very_negative, "Zendesk sentiment: very negative");
    else if (t == "sentiment__negative")
      reasons.add(p.zendesk_negative, "Zendesk sentiment: negative");
  }
}

void reply_reasons(const TicketFacts& f, const TriageConfig& c, std::optional<Instant> now, ReasonList& reasons) {
  long agent = last_agent_message(f.messages);
  int unanswered = 0;
  std::optional<Instant> since;
  for (size_t i = static_cast<size_t>(agent + 1); i < f.messages.size(); ++i)
    if (f.messages[i].from == Message::From::requester) {
      ++unanswered;
      if (!since) since = f.messages[i].at;
    }
  if (unanswered >= 2)
    reasons.add(c.points.unanswered_message * std::min(3, unanswered - 1),
                fmt::format("{} messages without an answer", unanswered));
  bool waiting = f.status == "new" || f.status == "open";
  if (!waiting || !now) return;
  if (agent >= 0 && unanswered == 0) return;  // the agent spoke last
  if (!since && agent < 0) since = f.created_at;
  if (!since) return;
  std::string priority = f.priority.empty() ? "normal" : f.priority;
  auto target_it = c.reply_hours.find(priority);
  double target = target_it != c.reply_hours.end() ? target_it->second : c.reply_hours.at("normal");
  double hours = std::chrono::duration<double>(*now - *since).count() / 3600.0;
  const char* what = agent < 0 ? "first reply" : "reply";
  if (hours >= target)
    reasons.add(c.points.sla_breached, fmt::format("{} overdue: waiting {}, target {} ({} priority)", what,
                                                   hours_text(hours), hours_text(target), priority));
  else if (hours >= c.at_risk_fraction * target)
    reasons.add(c.points.sla_at_risk, fmt::format("{} due soon: waiting {} of {} ({} priority)", what,
                                                  hours_text(hours), hours_text(target), priority));
}

void customer_reasons(const TicketFacts& f, const TriageConfig& c, ReasonList& reasons) {
  if (f.customer) {
    const auto& s = *f.customer;
    if (s.clv_percentile && *s.clv_percentile >= 90)
      reasons.add(c.points.clv_top_decile, fmt::format("top 10% customer by CLV ({} {})", s.clv, s.currency));
    else if (s.clv_percentile && *s.clv_percentile >= 75)
      reasons.add(c.points.clv_top_quartile, fmt::format("top 25% customer by CLV ({} {})", s.clv, s.currency));
    if (std::find(c.vip_segments.begin(), c.vip_segments.end(), s.segment) != c.vip_segments.end())
      reasons.add(c.points.vip, "VIP segment: " + s.segment);
    else if (s.vip_tag)
      reasons.add(c.points.vip, "tagged VIP in Shopify");
  }
  if (f.order) {
    const auto& o = *f.order;
    std::string which = o.named ? "order " + o.name : "latest order " + o.name;
    if (o.percentile >= 90)
      reasons.add(c.points.order_top_decile,
                  fmt::format("{} at stake: {} {}, in the top 10% of orders", which, o.total, o.currency));
    else if (o.percentile >= 50)
      reasons.add(c.points.order_above_median,
                  fmt::format("{} at stake: {} {}, above the median order", which, o.total, o.currency));
  }
}

void history_reasons(const TicketFacts& f, const TriageConfig& c, ReasonList& reasons) {
  if (f.other_recent_tickets > 0)
    reasons.add(c.points.other_ticket * std::min(3, f.other_recent_tickets),
                fmt::format("{} other ticket{} in the last {} days", f.other_recent_tickets,
                            f.other_recent_tickets == 1 ? "" : "s", c.repeat_window_days));
  if (f.reopens > 0) reasons.add(c.points.reopen * std::min(2, f.reopens), "reopened " + times(f.reopens));
  if (f.csat && lower(*f.csat) == "bad") reasons.add(c.points.bad_csat, "rated this ticket bad");
  if (f.recent_bad_csat > 0)
    reasons.add(c.points.recent_bad_csat,
                fmt::format("rated {} other ticket{} bad in the last {} days", f.recent_bad_csat,
                            f.recent_bad_csat == 1 ? "" : "s", c.csat_window_days));
}

}  // namespace

Triage Triager::triage(const TicketFacts& f, std::optional<Instant> now) const {
  Triage t;
  ScoredMessages scored = score_messages(f, config_.lexicon, vader_);
  CategoryEvidence evidence;
  evidence.subject_words = matching_words(vader_.analyse(f.subject).lower_words);
  evidence.message_words = scored.words;
  evidence.tags = f.tags;
  evidence.channel = f.channel;
  t.category = categorizer_.categorize(evidence);

  ReasonList reasons;
  sentiment_reasons(scored, config_.points, t, reasons);
  signal_reasons(scored, config_.points, reasons);
  zendesk_tag_reasons(f, config_.points, reasons);
  reply_reasons(f, config_, now, reasons);
  history_reasons(f, config_, reasons);
  // What the customer and the order are worth raises a problem's priority; it is no problem itself.
  ReasonList value;
  customer_reasons(f, config_, value);
  if (!reasons.empty()) reasons.append(std::move(value));
  t.reasons = reasons.take();
  int total = 0;
  for (const auto& r : t.reasons) total += r.points;
  t.score = std::min(100, total);
  t.escalate = t.score >= config_.threshold;
  return t;
}

nlohmann::ordered_json reasons_json(const std::vector<Reason>& reasons) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& r : reasons) list.push_back({{"reason", r.reason}, {"points", r.points}});
  return list;
}

}  // namespace shopkeep::analytics::support
