#include "email/campaign_send.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <random>

#include "core/error.hpp"
#include "email/compose.hpp"
#include "email/send_log.hpp"

namespace shopkeep::email {

namespace {

using Clock = std::chrono::steady_clock;
using analytics::campaigns::PlanRow;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

LogEntry log_entry(const MessageInput& m, const ComposedMessage& c) {
  LogEntry e;
  e.campaign = m.campaign;
  e.recipient = m.email;
  e.customer_id = m.customer_id;
  e.target_key = m.target_key;
  e.subject_key = m.subject_key;
  e.step = m.step;
  e.message_id = c.message_id;
  e.subject = c.subject;
  e.planned_at = m.planned_at;
  e.unsubscribe_token = m.unsubscribe_token;
  return e;
}

// One SMTP delivery with the retries transient failures deserve.
SmtpResult deliver(SendContext& cx, const SendOptions& o, const std::string& to, const std::string& bytes,
                   SendCounts& counts, std::mt19937_64& rng) {
  SmtpResult r;
  for (int attempt = 0;; ++attempt) {
    auto t0 = Clock::now();
    r = cx.smtp->send(cx.settings.from->address, to, bytes);
    counts.smtp_seconds += seconds_since(t0);
    if (r.status != SmtpResult::Status::transient || attempt + 1 >= o.backoff.max_attempts) return r;
    auto wait = o.backoff.delay(attempt, rng);
    cx.reporter.debug(fmt::format("{}: {} ({}); retrying in {} ms", to, r.reply.empty() ? r.error : r.reply,
                                  r.code ? "transient" : "connection", wait.count()));
    cx.sleeper.sleep(wait);
  }
}

}  // namespace

nlohmann::ordered_json to_json(const SendCounts& c) {
  nlohmann::ordered_json j;
  j["campaign"] = c.campaign;
  j["planned"] = c.planned;
  j["sent"] = c.sent;
  j["skipped"] = c.skipped;
  j["failed"] = c.failed;
  j["unknown"] = c.unknown;
  j["dry_run"] = c.dry_run;
  if (c.dry_run) j["would_send"] = c.would_send;
  return j;
}

void send_campaign(SendContext& cx, const std::vector<PlanRow>& plan, const SendOptions& o, SendCounts& counts) {
  counts.campaign = o.campaign;
  counts.dry_run = o.dry_run;
  std::vector<const PlanRow*> work;
  for (const auto& row : plan)
    if ((!row.excluded() && row.treatment()) || (row.excluded() && row.reason == "unknown")) work.push_back(&row);
  if (o.limit && static_cast<std::int64_t>(work.size()) > *o.limit) work.resize(static_cast<size_t>(*o.limit));

  SendLog log(cx.db);
  std::mt19937_64 rng(std::random_device{}());
  auto start = Clock::now();
  std::chrono::duration<double> interval{o.rate_per_minute > 0 ? 60.0 / o.rate_per_minute : 0.0};
  std::int64_t paced = 0;  // messages handed to the server so far
  for (size_t i = 0; i < work.size(); ++i) {
    const PlanRow& row = *work[i];
    cx.reporter.progress("sending", i, work.size());
    ++counts.planned;
    if (row.excluded()) {  // its earlier delivery is unknown: listed, not sent again unless asked
      ++counts.unknown;
      continue;
    }
    auto t_check = Clock::now();
    auto recheck = cx.gate.recheck(row);
    counts.check_seconds += seconds_since(t_check);
    if (auto reason = recheck) {
      ++counts.skipped;
      cx.reporter.debug(row.email + " " + row.subject_key() + ": skipped (" + *reason + ")");
      continue;
    }
    auto t_compose = Clock::now();
    MessageInput input = cx.loader.load(row);
    ComposedMessage message = compose(cx.templates, input, cx.settings, cx.clock());
    counts.compose_seconds += seconds_since(t_compose);
    if (o.dry_run) {
      ++counts.would_send;
      continue;
    }
    if (interval.count() > 0 && paced > 0) {
      auto due = start + std::chrono::duration_cast<Clock::duration>(interval * static_cast<double>(paced));
      if (due > Clock::now()) cx.sleeper.sleep(std::chrono::ceil<std::chrono::milliseconds>(due - Clock::now()));
    }
    LogEntry entry = log_entry(input, message);
    auto t_log = Clock::now();
    bool claimed = log.sending(entry, cx.clock(), o.resend_unknown);
    counts.log_seconds += seconds_since(t_log);
    if (!claimed) {
      ++counts.skipped;  // another run recorded it meanwhile
      continue;
    }
    ++paced;
    SmtpResult r = deliver(cx, o, input.email, message.bytes, counts, rng);
    t_log = Clock::now();
    struct LogTimer {  // the outcome's log write counts as log time
      Clock::time_point start;
      double& into;
      ~LogTimer() { into += seconds_since(start); }
    } log_timer{t_log, counts.log_seconds};
    switch (r.status) {
      case SmtpResult::Status::sent:
        log.sent(entry, r.reply, cx.clock());
        ++counts.sent;
        break;
      case SmtpResult::Status::permanent:
        log.failed(entry, r.reply, "refused by the server", cx.clock());
        ++counts.failed;
        cx.reporter.warn(input.email + ": refused by the SMTP server: " + r.reply);
        break;
      case SmtpResult::Status::unknown:
        log.unknown(entry, "no answer after the message was handed over (" + r.error + "): it may have been delivered",
                    cx.clock());
        ++counts.unknown;
        cx.reporter.warn(input.email + ": delivery unknown (" + r.error +
                         "); see `shopkeep email log --status unknown`");
        break;
      case SmtpResult::Status::transient:
        log.failed(entry, r.reply, r.reply.empty() ? r.error : "still refused after retries", cx.clock());
        ++counts.failed;
        if (r.code == 0) {
          cx.reporter.progress_done();
          throw runtime_error("cannot reach the SMTP server: " + r.error,
                              fmt::format("{} sent before it stopped; the rest goes on the next run", counts.sent));
        }
        cx.reporter.warn(input.email + ": not accepted after retries: " + r.reply);
        break;
      case SmtpResult::Status::fatal:
        log.failed(entry, "", r.error, cx.clock());
        cx.reporter.progress_done();
        throw Error(r.auth ? ExitCode::auth : ExitCode::runtime, r.error,
                    fmt::format("{} sent before it stopped", counts.sent));
    }
  }
  cx.reporter.progress_done();
  counts.seconds = seconds_since(start);
}

}  // namespace shopkeep::email
