#include "email/send_log.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::email {

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

bool SendLog::sending(const LogEntry& e, Instant at, bool resend_unknown) {
  // The one write that must reach the disk before the SMTP transaction starts.
  db_.exec("PRAGMA synchronous = FULL");
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
  bool written = db_.changes() == 1;
  db_.exec("PRAGMA synchronous = NORMAL");
  return written;
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

int SendLog::recover_interrupted(Instant at) {
  store::Stmt s(db_,
                "UPDATE email_log SET status = 'unknown', updated_at = ?1, "
                "error = 'the send was interrupted during the SMTP transaction: it may have been delivered' "
                "WHERE status = 'sending'");
  s.bind(1, format_rfc3339(at));
  s.run();
  return static_cast<int>(db_.changes());
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
