#include "email/campaign_send.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

#include "core/error.hpp"
#include "email/compose.hpp"
#include "email/send_log.hpp"

namespace shopkeep::email {

namespace {

using Clock = std::chrono::steady_clock;
using analytics::campaigns::PlanRow;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

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

namespace {

struct Ready {
  const PlanRow* row;
  MessageInput input;
  ComposedMessage message;
  LogEntry entry;
};

// The SMTP outcome of one message, in the log and the counts; throws when the run must stop.
void record_outcome(SendContext& cx, SendLog& log, const Ready& r, const SmtpResult& result, SendCounts& counts) {
  const auto& email = r.input.email;
  switch (result.status) {
    case SmtpResult::Status::sent:
      log.sent(r.entry, result.reply, cx.clock());
      ++counts.sent;
      return;
    case SmtpResult::Status::permanent:
      log.failed(r.entry, result.reply, "refused by the server", cx.clock());
      ++counts.failed;
      cx.reporter.warn(email + ": refused by the SMTP server: " + result.reply);
      return;
    case SmtpResult::Status::unknown:
      log.unknown(r.entry,
                  "no answer after the message was handed over (" + result.error + "): it may have been delivered",
                  cx.clock());
      ++counts.unknown;
      cx.reporter.warn(email + ": delivery unknown (" + result.error + "); see `shopkeep email log --status unknown`");
      return;
    case SmtpResult::Status::transient:
      log.failed(r.entry, result.reply, result.reply.empty() ? result.error : "still refused after retries",
                 cx.clock());
      ++counts.failed;
      if (result.code == 0) {
        cx.reporter.progress_done();
        throw runtime_error("cannot reach the SMTP server: " + result.error,
                            fmt::format("{} sent before it stopped; the rest goes on the next run", counts.sent));
      }
      cx.reporter.warn(email + ": not accepted after retries: " + result.reply);
      return;
    case SmtpResult::Status::fatal:
      log.failed(r.entry, "", result.error, cx.clock());
      cx.reporter.progress_done();
      throw Error(result.auth ? ExitCode::auth : ExitCode::runtime, result.error,
                  fmt::format("{} sent before it stopped", counts.sent));
  }
}

// How many messages share one fsync'd batch record: many when sending flat out, one at a time when
// paced slowly (then the fsync costs nothing next to the wait).
size_t batch_size(double rate_per_minute) {
  if (rate_per_minute <= 0) return 64;
  return static_cast<size_t>(std::clamp(rate_per_minute / 60.0, 1.0, 64.0));
}

}  // namespace

void send_campaign(SendContext& cx, const std::vector<PlanRow>& plan, const SendOptions& o, SendCounts& counts) {
  counts.campaign = o.campaign;
  counts.dry_run = o.dry_run;
  std::vector<const PlanRow*> work;
  for (const auto& row : plan)
    if ((!row.excluded() && row.treatment()) || (row.excluded() && row.reason == "unknown")) work.push_back(&row);
  if (o.limit && static_cast<std::int64_t>(work.size()) > *o.limit) work.resize(static_cast<size_t>(*o.limit));

  SendLog log(cx.db);
  std::string boot = current_boot_id();
  std::mt19937_64 rng(std::random_device{}());
  auto start = Clock::now();
  std::chrono::duration<double> interval{o.rate_per_minute > 0 ? 60.0 / o.rate_per_minute : 0.0};
  std::int64_t paced = 0;  // messages handed to the server so far
  auto recheck = [&](const PlanRow& row) {
    auto t = Clock::now();
    auto reason = cx.gate.recheck(row);
    counts.check_seconds += seconds_since(t);
    if (reason) cx.reporter.debug(row.email + " " + row.subject_key() + ": skipped (" + *reason + ")");
    return reason;
  };
  const size_t per_batch = batch_size(o.rate_per_minute);
  for (size_t first = 0; first < work.size(); first += per_batch) {
    // Every rule again and the messages composed, then the batch recorded before any of it goes.
    std::vector<Ready> ready;
    for (size_t i = first; i < std::min(work.size(), first + per_batch); ++i) {
      const PlanRow& row = *work[i];
      ++counts.planned;
      if (row.excluded()) {  // its earlier delivery is unknown: listed, not sent again unless asked
        ++counts.unknown;
        continue;
      }
      if (recheck(row)) {
        ++counts.skipped;
        continue;
      }
      auto t = Clock::now();
      Ready r{&row, cx.loader.load(row), {}, {}};
      r.message = compose(cx.templates, r.input, cx.settings, cx.clock());
      r.entry = log_entry_for(r.input, r.message.message_id, r.message.subject);
      counts.compose_seconds += seconds_since(t);
      ready.push_back(std::move(r));
    }
    if (o.dry_run) {
      counts.would_send += static_cast<std::int64_t>(ready.size());
      continue;
    }
    if (ready.empty()) continue;
    auto t_batch = Clock::now();
    std::vector<LogEntry> entries;
    for (const auto& r : ready) entries.push_back(r.entry);
    std::int64_t batch = log.open_batch(entries, boot, cx.clock());
    counts.log_seconds += seconds_since(t_batch);
    struct BatchCloser {  // also when the run stops: every outcome so far is recorded
      SendLog& log;
      std::int64_t id;
      ~BatchCloser() {
        try {
          log.close_batch(id);
        } catch (...) {
          // Left open, it is closed by the next run's recovery.
        }
      }
    } closer{log, batch};

    for (auto& r : ready) {
      cx.reporter.progress("sending", static_cast<std::uint64_t>(counts.planned), work.size());
      if (paced > 0 && recheck(*r.row)) {  // again: an earlier message of this batch may have capped it
        ++counts.skipped;
        continue;
      }
      if (interval.count() > 0 && paced > 0) {
        auto due = start + std::chrono::duration_cast<Clock::duration>(interval * static_cast<double>(paced));
        if (due > Clock::now()) cx.sleeper.sleep(std::chrono::ceil<std::chrono::milliseconds>(due - Clock::now()));
      }
      auto t_log = Clock::now();
      bool claimed = log.sending(r.entry, cx.clock(), o.resend_unknown);
      counts.log_seconds += seconds_since(t_log);
      if (!claimed) {
        ++counts.skipped;  // another run recorded it meanwhile
        continue;
      }
      ++paced;
      SmtpResult result = deliver(cx, o, r.input.email, r.message.bytes, counts, rng);
      t_log = Clock::now();
      record_outcome(cx, log, r, result, counts);
      counts.log_seconds += seconds_since(t_log);
    }
  }
  cx.reporter.progress_done();
  counts.seconds = seconds_since(start);
}

}  // namespace shopkeep::email
