#pragma once
// email_log: every message rendered or sent, and the at-most-once protocol of `email send`. A
// message is written `sending` before its SMTP transaction and `sent` with the server's reply after
// it, so a run killed in between leaves `sending`, which the next run (holding the send lock) turns
// into `unknown`: listed, never sent again unless asked.
//
// Durability, in two layers: a killed process loses nothing committed (the writes are in the
// operating system's cache), so `sending` and `sent` are plain commits. What a power loss or an
// OS crash could take back is covered by a batch record, committed with fsync before the first
// message of the batch goes: after a reboot (another boot id), every message of an unfinished
// batch that is not recorded `sent` becomes `unknown`. One fsync per batch instead of one per
// message, the same guarantee.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "email/message.hpp"
#include "store/db.hpp"

namespace shopkeep::email {

struct LogEntry {
  std::string campaign;
  std::string recipient;  // normalised
  std::optional<std::int64_t> customer_id;
  std::string target_key, subject_key;
  int step = 1;
  std::string message_id, subject, planned_at, unsubscribe_token;
};

// The log row of one message, rendered or about to be sent, with the id and subject it was composed with.
LogEntry log_entry_for(const MessageInput& m, std::string message_id, std::string subject);

class SendLog {
 public:
  explicit SendLog(store::Db& db);

  // `rendered`, unless the message already has a row (whatever its status).
  void rendered(const LogEntry& entry, Instant at);
  // The messages about to be sent, committed with fsync; returns the batch id.
  std::int64_t open_batch(const std::vector<LogEntry>& entries, const std::string& boot_id, Instant at);
  // The batch is done (every message's outcome is recorded).
  void close_batch(std::int64_t batch);
  // `sending`, committed. False (and nothing written) when the row says the message may already
  // have gone: sent, sending, or unknown without `resend_unknown`.
  bool sending(const LogEntry& entry, Instant at, bool resend_unknown);
  void sent(const LogEntry& entry, const std::string& reply, Instant at);
  void failed(const LogEntry& entry, const std::string& reply, const std::string& error, Instant at);
  void unknown(const LogEntry& entry, const std::string& error, Instant at);
  // Messages left `sending` by a run that died become `unknown`, and so do the unsent messages of
  // unfinished batches from another boot. Only while holding the send lock. Returns how many.
  int recover_interrupted(Instant at, const std::string& boot_id);

 private:
  void finish(const LogEntry& entry, const char* status, const std::string& reply, const std::string& error,
              std::optional<Instant> sent_at, Instant at);
  store::Db& db_;
};

// The lock file that keeps two sends of one store apart ("<store>.email.lock").
std::string send_lock_path(const std::string& store_path);

// This boot of the machine (/proc/sys/kernel/random/boot_id); a fresh random value where there is
// none, so that an unknown boot always counts as another one.
std::string current_boot_id();

struct LogFilter {
  std::optional<std::string> campaign, email, status;  // status: rendered, sending, sent, failed, unknown
};

// cli.md `email log --json`, oldest first. A usage error for an unknown status.
nlohmann::ordered_json log_rows(store::Db& db, const LogFilter& filter);

}  // namespace shopkeep::email
