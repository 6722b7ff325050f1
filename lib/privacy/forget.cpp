#include "privacy/forget.hpp"

#include <nlohmann/json.hpp>

#include "privacy/person.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::privacy {

namespace {

void suppress(store::Db& db, const std::string& kind, const std::string& value, const std::string& at) {
  store::Stmt insert(db, "INSERT OR IGNORE INTO suppressions (hash, kind, created_at) VALUES (?1, ?2, ?3)");
  insert.bind(1, suppression_hash(kind, value)).bind(2, kind).bind(3, at);
  insert.run();
}

void suppress_keys(store::Db& db, const std::string& key_kind, const std::string& kind, const std::string& at) {
  store::Stmt ids(db, "SELECT id FROM temp.person_keys WHERE kind = ?1");
  ids.bind(1, key_kind);
  while (ids.step()) suppress(db, kind, std::to_string(ids.get_int(0)), at);
}

}  // namespace

nlohmann::ordered_json forget_person(store::Db& db, const std::string& email, bool dry_run, Instant now) {
  std::string normalised = normalise_email(email);
  std::string at = format_rfc3339(now);
  store::Transaction tx(db);
  collect_person_keys(db, normalised);
  nlohmann::ordered_json rows = nlohmann::ordered_json::object();
  std::int64_t total = 0;
  for (const auto& t : person_tables()) {
    store::Stmt count(db, "SELECT count(*) FROM " + t.table + " WHERE " + t.where);
    bind_email(count, normalised);
    std::int64_t n = count.step() ? count.get_int(0) : 0;
    if (n == 0) continue;
    rows[t.table] = n;
    total += n;
    if (dry_run) continue;
    store::Stmt del(db, "DELETE FROM " + t.table + " WHERE " + t.where);
    bind_email(del, normalised);
    del.run();
  }
  nlohmann::ordered_json result;
  result["dry_run"] = dry_run;
  result["rows_deleted"] = rows;
  result["total"] = total;
  if (dry_run) return result;  // the transaction rolls back: nothing changed
  suppress(db, "email", normalised, at);
  suppress_keys(db, "customer", "shopify_customer", at);
  suppress_keys(db, "zendesk_user", "zendesk_user", at);
  suppress_keys(db, "ticket", "zendesk_ticket", at);
  store::Stmt log(db, "INSERT INTO privacy_log (action, at, rows_deleted) VALUES ('forget', ?1, ?2)");
  log.bind(1, at).bind(2, rows.dump());
  log.run();
  tx.commit();
  return result;
}

}  // namespace shopkeep::privacy
