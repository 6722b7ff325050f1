#include "privacy/person.hpp"

namespace shopkeep::privacy {

void bind_email(store::Stmt& stmt, const std::string& email) {
  if (stmt.parameters() > 0) stmt.bind(1, email);
}

const std::vector<PersonTable>& person_tables() {
  static const std::vector<PersonTable> tables = {
      {"order_lines", "order_id IN (SELECT id FROM temp.person_keys WHERE kind = 'order')"},
      {"refunds", "order_id IN (SELECT id FROM temp.person_keys WHERE kind = 'order')"},
      {"checkout_lines", "checkout_id IN (SELECT id FROM temp.person_keys WHERE kind = 'checkout')"},
      {"ticket_comments",
       "ticket_id IN (SELECT id FROM temp.person_keys WHERE kind = 'ticket') OR "
       "author_id IN (SELECT id FROM temp.person_keys WHERE kind = 'zendesk_user')"},
      {"ticket_metrics", "ticket_id IN (SELECT id FROM temp.person_keys WHERE kind = 'ticket')"},
      {"satisfaction_ratings",
       "ticket_id IN (SELECT id FROM temp.person_keys WHERE kind = 'ticket') OR "
       "requester_id IN (SELECT id FROM temp.person_keys WHERE kind = 'zendesk_user')"},
      {"csat_responses",
       "ticket_id IN (SELECT id FROM temp.person_keys WHERE kind = 'ticket') OR "
       "requester_id IN (SELECT id FROM temp.person_keys WHERE kind = 'zendesk_user')"},
      {"email_log",
       "lower(trim(recipient)) = ?1 OR customer_id IN (SELECT id FROM temp.person_keys WHERE kind = 'customer')"},
      {"campaign_plans",
       "lower(trim(email)) = ?1 OR customer_id IN (SELECT id FROM temp.person_keys WHERE kind = 'customer')"},
      {"holdout",
       "lower(trim(email)) = ?1 OR customer_id IN (SELECT id FROM temp.person_keys WHERE kind = 'customer')"},
      {"orders", "id IN (SELECT id FROM temp.person_keys WHERE kind = 'order')"},
      {"checkouts", "id IN (SELECT id FROM temp.person_keys WHERE kind = 'checkout')"},
      {"tickets", "id IN (SELECT id FROM temp.person_keys WHERE kind = 'ticket')"},
      {"customers", "id IN (SELECT id FROM temp.person_keys WHERE kind = 'customer')"},
      {"zendesk_users", "id IN (SELECT id FROM temp.person_keys WHERE kind = 'zendesk_user')"},
  };
  return tables;
}

bool collect_person_keys(store::Db& db, const std::string& email) {
  db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS person_keys (kind TEXT, id INTEGER, PRIMARY KEY (kind, id)) WITHOUT ROWID;"
      "DELETE FROM temp.person_keys;");
  const std::string keyed = "INSERT OR IGNORE INTO temp.person_keys (kind, id) ";
  const char* steps[] = {
      "SELECT 'customer', id FROM customers WHERE lower(trim(email)) = ?1",
      "SELECT 'zendesk_user', id FROM zendesk_users WHERE lower(trim(email)) = ?1",
      "SELECT 'order', id FROM orders WHERE lower(trim(email)) = ?1 OR customer_id IN "
      "(SELECT id FROM temp.person_keys WHERE kind = 'customer')",
      "SELECT 'checkout', id FROM checkouts WHERE lower(trim(email)) = ?1 OR customer_id IN "
      "(SELECT id FROM temp.person_keys WHERE kind = 'customer')",
      "SELECT 'ticket', id FROM tickets WHERE requester_id IN "
      "(SELECT id FROM temp.person_keys WHERE kind = 'zendesk_user')",
  };
  for (const char* select : steps) {
    store::Stmt insert(db, keyed + select);
    bind_email(insert, email);
    insert.run();
  }
  return db.scalar_int(
             "SELECT count(*) FROM temp.person_keys WHERE kind IN ('customer', 'zendesk_user', 'order', 'checkout')") >
             0 ||
         [&] {
           for (const auto& t : person_tables()) {
             store::Stmt any(db, "SELECT 1 FROM " + t.table + " WHERE " + t.where + " LIMIT 1");
             bind_email(any, email);
             if (any.step()) return true;
           }
           return false;
         }();
}

}  // namespace shopkeep::privacy
