#include "email/send_log.hpp"

#include <openssl/rand.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "core/error.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::email {

LogEntry log_entry_for(const MessageInput& m, std::string message_id, std::string subject) {
  LogEntry e;
  e.campaign = m.campaign;
  e.recipient = m.email;
  e.customer_id = m.customer_id;
  e.target_key = m.target_key;
  e.subject_key = m.subject_key;
  e.step = m.step;
  e.message_id = std::move(message_id);
  e.subject = std::move(subject);
  e.planned_at = m.planned_at;
  e.unsubscribe_token = m.unsubscribe_token;
  return e;
}

SendLog::SendLog(store::Db& db) : db_(db) {}

std::string send_lock_path(const std::string& store_path) { return store_path + ".email.lock"; }

void SendLog::rendered(const LogEntry& e, Instant at) {
  store::Stmt s(db_,
                "INSERT INTO email_log (campaign, recipient, customer_id, subject_key, target_key, step, message_id, "
                "subject, planned_at, unsubscribe_token, status, created_at, updated_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'rendered', ?11, ?11) "
                "ON CONFLICT (campaign, recipient, subject_key) DO NOTHING");
  s.bind(1, e.campaign).bind(2, e.recipient).bind(3, e.customer_id).bind(4, e.subject_key).bind(5, e.target_key);
  s.bind(6, e.step).bind(7, e.message_id).bind(8, e.subject).bind(9, e.planned_at).bind(10, e.unsubscribe_token);
  s.bind(11, format_rfc3339(at));
  s.run();
}

std::string current_boot_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  if (in >> id && !id.empty()) return id;
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return "unknown-boot";
  static const char* hex = "0123456789abcdef";
  for (unsigned char b : bytes) id += {hex[b >> 4], hex[b & 15]};
  return "random-" + id;
}

namespace {

nlohmann::json entry_json(const LogEntry& e) {
  nlohmann::json j;
  j["campaign"] = e.campaign;
  j["recipient"] = e.recipient;
  j["customer_id"] = e.customer_id ? nlohmann::json(*e.customer_id) : nlohmann::json();
  j["target_key"] = e.target_key;
  j["subject_key"] = e.subject_key;
  j["step"] = e.step;
  j["message_id"] = e.message_id;
  j["subject"] = e.subject;
  j["planned_at"] = e.planned_at;
  return j;
}

}  // namespace

std::int64_t SendLog::open_batch(const std::vector<LogEntry>& entries, const std::string& boot_id, Instant at) {
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& e : entries) messages.push_back(entry_json(e));
  // The one write that must reach the disk before the batch's first SMTP transaction starts.
  db_.exec("PRAGMA synchronous = FULL");
  store::Stmt s(db_, "INSERT INTO email_send_batches (boot_id, started_at, messages) VALUES (?1, ?2, ?3)");
  s.bind(1, boot_id).bind(2, format_rfc3339(at)).bind(3, messages.dump());
  s.run();
  db_.exec("PRAGMA synchronous = NORMAL");
  return db_.scalar_int("SELECT last_insert_rowid()");
}

void SendLog::close_batch(std::int64_t batch) {
  store::Stmt s(db_, "DELETE FROM email_send_batches WHERE id = ?1");
  s.bind(1, batch);
  s.run();
}

bool SendLog::sending(const LogEntry& e, Instant at, bool resend_unknown) {
  store::Stmt s(db_,
                "INSERT INTO email_log (campaign, recipient, customer_id, subject_key, target_key, step, message_id, "
                "subject, planned_at, unsubscribe_token, status, attempts, created_at, updated_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'sending', 1, ?11, ?11) "
                "ON CONFLICT (campaign, recipient, subject_key) DO UPDATE SET status = 'sending', "
                "attempts = attempts + 1, customer_id = excluded.customer_id, target_key = excluded.target_key, "
                "step = excluded.step, message_id = excluded.message_id, subject = excluded.subject, "
                "planned_at = excluded.planned_at, unsubscribe_token = excluded.unsubscribe_token, "
                "smtp_reply = NULL, error = NULL, updated_at = excluded.updated_at "
                "WHERE email_log.status IN ('rendered', 'failed') OR (email_log.status = 'unknown' AND ?12)");
  s.bind(1, e.campaign).bind(2, e.recipient).bind(3, e.customer_id).bind(4, e.subject_key).bind(5, e.target_key);
  s.bind(6, e.step).bind(7, e.message_id).bind(8, e.subject).bind(9, e.planned_at).bind(10, e.unsubscribe_token);
  s.bind(11, format_rfc3339(at)).bind(12, resend_unknown ? 1 : 0);
  s.run();
  return db_.changes() == 1;
}

void SendLog::finish(const LogEntry& e, const char* status, const std::string& reply, const std::string& error,
                     std::optional<Instant> sent_at, Instant at) {
  store::Stmt s(db_,
                "UPDATE email_log SET status = ?4, smtp_reply = ?5, error = ?6, sent_at = coalesce(?7, sent_at), "
                "updated_at = ?8 WHERE campaign = ?1 AND recipient = ?2 AND subject_key = ?3");
  s.bind(1, e.campaign).bind(2, e.recipient).bind(3, e.subject_key).bind(4, status);
  if (reply.empty())
    s.bind_null(5);
  else
    s.bind(5, reply);
  if (error.empty())
    s.bind_null(6);
  else
    s.bind(6, error);
  if (sent_at)
    s.bind(7, format_rfc3339(*sent_at));
  else
    s.bind_null(7);
  s.bind(8, format_rfc3339(at));
  s.run();
}

void SendLog::sent(const LogEntry& e, const std::string& reply, Instant at) { finish(e, "sent", reply, "", at, at); }

void SendLog::failed(const LogEntry& e, const std::string& reply, const std::string& error, Instant at) {
  finish(e, "failed", reply, error, std::nullopt, at);
}

void SendLog::unknown(const LogEntry& e, const std::string& error, Instant at) {
  finish(e, "unknown", "", error, std::nullopt, at);
}

int SendLog::recover_interrupted(Instant at, const std::string& boot_id) {
  store::Transaction tx(db_);
  store::Stmt s(db_,
                "UPDATE email_log SET status = 'unknown', updated_at = ?1, "
                "error = 'the send was interrupted during the SMTP transaction: it may have been delivered' "
                "WHERE status = 'sending'");
  s.bind(1, format_rfc3339(at));
  s.run();
  int recovered = static_cast<int>(db_.changes());
  // Batches left open by a run that died: in this boot the log is complete (nothing committed was
  // lost); after a reboot its last writes may be gone, so any message of the batch not recorded
  // `sent` may have been delivered.
  store::Stmt batches(db_, "SELECT id, boot_id, messages FROM email_send_batches ORDER BY id");
  std::vector<std::pair<std::int64_t, nlohmann::json>> lost;
  while (batches.step())
    if (batches.get_text(1) != boot_id)
      lost.emplace_back(batches.get_int(0), nlohmann::json::parse(batches.get_text(2)));
  store::Stmt mark(
      db_,
      "INSERT INTO email_log (campaign, recipient, customer_id, subject_key, target_key, step, message_id, "
      "subject, planned_at, status, error, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'unknown', ?10, ?11, ?11) "
      "ON CONFLICT (campaign, recipient, subject_key) DO UPDATE SET status = 'unknown', "
      "error = excluded.error, updated_at = excluded.updated_at "
      "WHERE email_log.status NOT IN ('sent', 'unknown')");
  const std::string why = "the machine restarted during a send: it may have been delivered";
  for (const auto& [id, messages] : lost) {
    for (const auto& m : messages) {
      mark.reset();
      mark.bind(1, m["campaign"].get<std::string>()).bind(2, m["recipient"].get<std::string>());
      if (m["customer_id"].is_null())
        mark.bind_null(3);
      else
        mark.bind(3, m["customer_id"].get<std::int64_t>());
      mark.bind(4, m["subject_key"].get<std::string>()).bind(5, m["target_key"].get<std::string>());
      mark.bind(6, m["step"].get<std::int64_t>()).bind(7, m["message_id"].get<std::string>());
      mark.bind(8, m["subject"].get<std::string>()).bind(9, m["planned_at"].get<std::string>());
      mark.bind(10, why).bind(11, format_rfc3339(at));
      mark.run();
      recovered += static_cast<int>(db_.changes());
    }
  }
  db_.exec("DELETE FROM email_send_batches");
  tx.commit();
  return recovered;
}

nlohmann::ordered_json log_rows(store::Db& db, const LogFilter& f) {
  using Json = nlohmann::ordered_json;
  if (f.status && *f.status != "rendered" && *f.status != "sending" && *f.status != "sent" && *f.status != "failed" &&
      *f.status != "unknown")
    throw usage_error("--status: unknown status '" + *f.status + "'",
                      "choose rendered, sending, sent, failed or unknown");
  store::Stmt s(db,
                "SELECT message_id, campaign, customer_id, recipient, step, status, smtp_reply, error, created_at, "
                "sent_at, subject_key, subject, attempts FROM email_log "
                "WHERE (?1 IS NULL OR campaign = ?1) AND (?2 IS NULL OR lower(trim(recipient)) = ?2) "
                "AND (?3 IS NULL OR status = ?3) ORDER BY created_at, id");
  s.bind(1, f.campaign);
  if (f.email)
    s.bind(2, privacy::normalise_email(*f.email));
  else
    s.bind_null(2);
  s.bind(3, f.status);
  Json rows = Json::array();
  auto text = [&](int i) { return s.is_null(i) ? Json() : Json(s.get_text(i)); };
  while (s.step()) {
    Json row;
    row["message_id"] = text(0);
    row["campaign"] = s.get_text(1);
    row["customer_id"] = s.is_null(2) ? Json() : Json(s.get_int(2));
    row["email"] = s.get_text(3);
    row["step"] = s.is_null(4) ? Json() : Json(s.get_int(4));
    row["status"] = s.get_text(5);
    row["smtp_reply"] = text(6);
    row["error"] = text(7);
    row["created_at"] = s.get_text(8);
    row["sent_at"] = text(9);
    row["subject_key"] = s.get_text(10);
    row["subject"] = text(11);
    row["attempts"] = s.get_int(12);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace shopkeep::email
