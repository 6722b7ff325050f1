#pragma once
// `email send`: the planned treatment messages of a campaign over SMTP, at most once each. Before
// each message: every campaign rule again against the store as it is now (consent, suppression,
// frequency cap, already sent), then `sending` written (its batch already on disk, see
// send_log.hpp), the SMTP transaction, and `sent` with the server's reply. Transient failures (4xx, a connection lost before the message was
// handed over) are retried with backoff; a 5xx is recorded for that recipient and the rest go on;
// an answer lost after the message was handed over leaves `unknown`. Messages are paced to
// `rate_per_minute`.
#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "analytics/campaigns/campaign.hpp"
#include "analytics/campaigns/gate.hpp"
#include "core/reporter.hpp"
#include "email/message_loader.hpp"
#include "email/settings.hpp"
#include "email/smtp_client.hpp"
#include "email/templates.hpp"
#include "http/retry.hpp"
#include "store/db.hpp"

namespace shopkeep::email {

struct SendOptions {
  std::string campaign;
  bool dry_run = false;
  double rate_per_minute = 60;  // 0 = unlimited
  std::optional<std::int64_t> limit;
  bool resend_unknown = false;
  http::Backoff backoff{std::chrono::milliseconds{1000}, std::chrono::milliseconds{60000}, 5};
};

struct SendCounts {
  std::string campaign;
  std::int64_t planned = 0;  // messages this run handled: sent + skipped + failed + unknown (+ would_send)
  std::int64_t sent = 0, skipped = 0, failed = 0, unknown = 0;
  std::int64_t would_send = 0;  // dry runs: what would have gone
  bool dry_run = false;
  double seconds = 0, smtp_seconds = 0;                            // wall time, and the part spent in SMTP transactions
  double log_seconds = 0, compose_seconds = 0, check_seconds = 0;  // the send log, composing, re-checks
};

// cli.md `email send --json` (plus would_send).
nlohmann::ordered_json to_json(const SendCounts& counts);

struct SendContext {
  store::Db& db;
  analytics::campaigns::Gate& gate;  // the campaign's rules, for the send-time re-check
  MessageLoader& loader;
  TemplateSet& templates;
  const EmailSettings& settings;
  SmtpClient* smtp;  // null for a dry run
  Reporter& reporter;
  std::function<Instant()> clock;  // --now when given, else the wall clock
  http::Sleeper& sleeper;
};

// `plan` is the campaign's plan with excluded rows (treatment rows go; rows excluded as `unknown`
// are counted). Throws Error(auth) when the server refuses the credentials, a runtime error when
// the session fails (TLS, the server unreachable after retries) — the counts so far in `counts`.
void send_campaign(SendContext& context, const std::vector<analytics::campaigns::PlanRow>& plan,
                   const SendOptions& options, SendCounts& counts);

}  // namespace shopkeep::email
