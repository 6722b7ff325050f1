#include "analytics/customer_profile.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/money.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::analytics {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(store::Stmt& s, int i) { return s.is_null(i) ? Json() : Json(s.get_text(i)); }
Json int_or_null(store::Stmt& s, int i) { return s.is_null(i) ? Json() : Json(s.get_int(i)); }

void add_identity(store::Db& db, const std::string& email, Json& p) {
  store::Stmt who(db,
                  "SELECT p.customer_id, p.zendesk_user_id, c.first_name, c.last_name, c.created_at, "
                  "c.email_marketing_state, c.tags, z.name "
                  "FROM people p LEFT JOIN customers c ON c.id = p.customer_id "
                  "LEFT JOIN zendesk_users z ON z.id = p.zendesk_user_id WHERE p.email = ?1");
  who.bind(1, email);
  if (!who.step()) throw runtime_error("nobody with email " + email + " is in the store");
  p["customer_id"] = int_or_null(who, 0);
  p["zendesk_user_id"] = int_or_null(who, 1);
  p["email"] = email;
  std::string name = who.get_text(2);
  if (!who.is_null(3)) name += (name.empty() ? "" : " ") + who.get_text(3);
  if (name.empty()) name = who.get_text(7);
  p["name"] = name.empty() ? Json() : Json(name);
  p["customer_since"] = text_or_null(who, 4);
  p["email_marketing_state"] = text_or_null(who, 5);
}

void add_orders(store::Db& db, const std::string& email, const store::ShopSettings& shop, Json& p) {
  store::Stmt orders(
      db,
      "SELECT total_price, ordered_at FROM counted_orders "
      "WHERE customer_id IN (SELECT id FROM customers WHERE lower(trim(email)) = ?1 AND deleted_at IS NULL) "
      "ORDER BY 2");
  orders.bind(1, email);
  std::int64_t count = 0, spend = 0;
  Json first, last;
  while (orders.step()) {
    ++count;
    spend += parse_minor_units(orders.get_text(0), shop.currency_exponent).value_or(0);
    if (first.is_null()) first = orders.get_text(1);
    last = orders.get_text(1);
  }
  p["orders"] = count;
  p["spend"] = format_minor_units(spend, shop.currency_exponent);
  p["currency"] = shop.currency;
  p["first_order_at"] = first;
  p["last_order_at"] = last;
  store::Stmt carts(
      db,
      "SELECT count(*) FROM checkouts WHERE completed_at IS NULL AND deleted_at IS NULL AND "
      "(lower(trim(email)) = ?1 OR customer_id IN (SELECT id FROM customers WHERE lower(trim(email)) = ?1))");
  carts.bind(1, email);
  p["abandoned_checkouts"] = carts.step() ? carts.get_int(0) : 0;
}

void add_support(store::Db& db, const std::string& email, Json& p) {
  store::Stmt tickets(db,
                      "SELECT count(*), sum(status IN ('new', 'open', 'pending', 'hold')), max(created_at) "
                      "FROM tickets WHERE deleted_at IS NULL AND requester_id IN "
                      "(SELECT id FROM zendesk_users WHERE lower(trim(email)) = ?1)");
  tickets.bind(1, email);
  tickets.step();
  p["tickets"] = tickets.get_int(0);
  p["open_tickets"] = tickets.is_null(1) ? 0 : tickets.get_int(1);
  p["last_ticket_at"] = text_or_null(tickets, 2);
  store::Stmt csat(db,
                   "SELECT sum(score = 'good'), sum(score = 'bad') FROM satisfaction_ratings WHERE requester_id IN "
                   "(SELECT id FROM zendesk_users WHERE lower(trim(email)) = ?1)");
  csat.bind(1, email);
  csat.step();
  std::int64_t good = csat.is_null(0) ? 0 : csat.get_int(0), bad = csat.is_null(1) ? 0 : csat.get_int(1);
  p["csat"] = good + bad > 0 ? Json(static_cast<double>(good) / static_cast<double>(good + bad)) : Json();
}

}  // namespace

nlohmann::ordered_json customer_profile(store::Db& db, const std::string& email_given,
                                        const store::ShopSettings& shop) {
  std::string email = privacy::normalise_email(email_given);
  Json p;
  add_identity(db, email, p);
  add_orders(db, email, shop, p);
  add_support(db, email, p);
  return p;
}

}  // namespace shopkeep::analytics
