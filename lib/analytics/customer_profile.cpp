#include "analytics/customer_profile.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/money.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::analytics {

namespace {

using Json = nlohmann::ordered_json;

// Which rows are this person's: the customers with their email (or the one id), the Zendesk users
// with their email.
constexpr const char* kTheirCustomers =
    "(SELECT id FROM customers WHERE deleted_at IS NULL AND ((?1 <> '' AND lower(trim(email)) = ?1) OR id = ?2))";
constexpr const char* kTheirUsers =
    "(SELECT id FROM zendesk_users WHERE deleted_at IS NULL AND ((?1 <> '' AND lower(trim(email)) = ?1) OR id = ?3))";

bool is_id(const std::string& s) {
  return !s.empty() && s.size() < 19 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// ?1 email, ?2 customer id, ?3 Zendesk user id (-1 for none): as many as the statement has.
void bind_person(store::Stmt& s, const CustomerProfile& p) {
  s.bind(1, p.email.value_or(""));
  if (s.parameters() >= 2) s.bind(2, p.customer_id.value_or(-1));
  if (s.parameters() >= 3) s.bind(3, p.zendesk_user_id.value_or(-1));
}

[[noreturn]] void not_found(store::Db& db, const std::string& who, bool by_id) {
  std::string hash =
      privacy::suppression_hash(by_id ? "shopify_customer" : "email", by_id ? who : privacy::normalise_email(who));
  store::Stmt forgotten(db, "SELECT created_at FROM suppressions WHERE hash = ?1");
  forgotten.bind(1, hash);
  if (forgotten.step())
    throw runtime_error((by_id ? "customer " : "") + who + " was forgotten on " + forgotten.get_text(0).substr(0, 10),
                        "nothing about them is kept, and imports and syncs skip them");
  throw runtime_error(by_id ? "no customer with id " + who + " is in the store"
                            : "nobody with email " + privacy::normalise_email(who) + " is in the store");
}

// Email, customer id and Zendesk user id of the person.
void find_person(store::Db& db, const std::string& who, CustomerProfile& p) {
  bool by_id = is_id(who);
  if (by_id) {
    store::Stmt c(db, "SELECT lower(trim(email)) FROM customers WHERE id = ?1 AND deleted_at IS NULL");
    c.bind(1, static_cast<std::int64_t>(std::stoll(who)));
    if (!c.step()) not_found(db, who, true);
    p.customer_id = static_cast<std::int64_t>(std::stoll(who));
    if (auto email = c.get_opt_text(0); email && !email->empty()) p.email = email;
  } else {
    p.email = privacy::normalise_email(who);
  }
  if (!p.email) return;
  store::Stmt people(db, "SELECT customer_id, zendesk_user_id FROM people WHERE email = ?1");
  people.bind(1, *p.email);
  if (!people.step()) not_found(db, who, false);
  if (!p.customer_id) p.customer_id = people.get_opt_int(0);
  p.zendesk_user_id = people.get_opt_int(1);
}

void add_identity(store::Db& db, CustomerProfile& p) {
  store::Stmt who(db,
                  "SELECT c.first_name, c.last_name, c.created_at, c.email_marketing_state, c.tags, c.phone, "
                  "c.country_code, (SELECT z.name FROM zendesk_users z WHERE z.id = ?3) "
                  "FROM (SELECT 1) LEFT JOIN customers c ON c.id = ?2");
  bind_person(who, p);
  who.step();
  std::string name = who.get_opt_text(0).value_or("");
  if (auto last = who.get_opt_text(1)) name += (name.empty() ? "" : " ") + *last;
  if (name.empty()) name = who.get_opt_text(7).value_or("");
  if (!name.empty()) p.name = name;
  p.customer_since = who.get_opt_text(2);
  p.email_marketing_state = who.get_opt_text(3);
  if (auto tags = who.get_opt_text(4)) {
    auto parsed = nlohmann::json::parse(*tags, nullptr, false);
    if (parsed.is_array())
      for (const auto& t : parsed)
        if (t.is_string()) p.tags.push_back(t.get<std::string>());
  }
  p.phone = who.get_opt_text(5);
  p.country_code = who.get_opt_text(6);
}

void add_orders(store::Db& db, const store::ShopSettings& shop, CustomerProfile& p) {
  store::Stmt orders(db, std::string("SELECT id, name, ordered_at, total_price, financial_status, fulfillment_status "
                                     "FROM counted_orders WHERE customer_id IN ") +
                             kTheirCustomers + " ORDER BY ordered_at DESC, id DESC");
  bind_person(orders, p);
  while (orders.step()) {
    ++p.orders;
    auto total = orders.get_opt_text(3);
    p.spend += total ? parse_minor_units(*total, shop.currency_exponent).value_or(0) : 0;
    if (!p.last_order_at) p.last_order_at = orders.get_text(2);
    p.first_order_at = orders.get_text(2);
    if (p.last_orders.size() < 5)
      p.last_orders.push_back({orders.get_int(0), orders.get_opt_text(1).value_or(""), orders.get_text(2), total,
                               orders.get_opt_text(4), orders.get_opt_text(5)});
  }
  store::Stmt carts(db, std::string("SELECT count(*) FROM checkouts WHERE completed_at IS NULL AND deleted_at IS NULL "
                                    "AND ((?1 <> '' AND lower(trim(email)) = ?1) OR customer_id IN ") +
                            kTheirCustomers + ")");
  bind_person(carts, p);
  p.abandoned_checkouts = carts.step() ? carts.get_int(0) : 0;
}

void add_support(store::Db& db, CustomerProfile& p) {
  store::Stmt tickets(db, std::string("SELECT id, subject, status, priority, created_at FROM tickets "
                                      "WHERE deleted_at IS NULL AND requester_id IN ") +
                              kTheirUsers + " ORDER BY created_at DESC, id DESC");
  bind_person(tickets, p);
  while (tickets.step()) {
    ++p.tickets;
    if (!p.last_ticket_at) p.last_ticket_at = tickets.get_opt_text(4);
    auto status = tickets.get_opt_text(2).value_or("");
    if (status == "new" || status == "open" || status == "pending" || status == "hold") {
      ++p.open_tickets;
      p.open_ticket_list.push_back({tickets.get_int(0), tickets.get_opt_text(1), tickets.get_opt_text(2),
                                    tickets.get_opt_text(3), tickets.get_opt_text(4)});
    }
  }
  store::Stmt csat(db, std::string("SELECT coalesce(sum(score = 'good'), 0), coalesce(sum(score = 'bad'), 0) "
                                   "FROM satisfaction_ratings WHERE requester_id IN ") +
                           kTheirUsers);
  bind_person(csat, p);
  csat.step();
  p.csat_good = csat.get_int(0);
  p.csat_bad = csat.get_int(1);
}

template <typename T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json();
}

}  // namespace

CustomerProfile customer_profile(store::Db& db, const std::string& who, const store::ShopSettings& shop) {
  CustomerProfile p;
  find_person(db, who, p);
  add_identity(db, p);
  add_orders(db, shop, p);
  add_support(db, p);
  return p;
}

nlohmann::ordered_json to_json(const CustomerProfile& p, const store::ShopSettings& shop) {
  Json j;
  j["customer_id"] = or_null(p.customer_id);
  j["zendesk_user_id"] = or_null(p.zendesk_user_id);
  j["email"] = or_null(p.email);
  j["name"] = or_null(p.name);
  j["phone"] = or_null(p.phone);
  j["country_code"] = or_null(p.country_code);
  j["tags"] = p.tags;
  j["customer_since"] = or_null(p.customer_since);
  j["email_marketing_state"] = or_null(p.email_marketing_state);
  j["orders"] = p.orders;
  j["spend"] = format_minor_units(p.spend, shop.currency_exponent);
  j["currency"] = shop.currency;
  j["first_order_at"] = or_null(p.first_order_at);
  j["last_order_at"] = or_null(p.last_order_at);
  j["abandoned_checkouts"] = p.abandoned_checkouts;
  j["last_orders"] = Json::array();
  for (const auto& o : p.last_orders)
    j["last_orders"].push_back({{"order_id", o.id},
                                {"name", o.name},
                                {"ordered_at", o.ordered_at},
                                {"total_price", or_null(o.total_price)},
                                {"financial_status", or_null(o.financial_status)},
                                {"fulfillment_status", or_null(o.fulfillment_status)}});
  j["tickets"] = p.tickets;
  j["open_tickets"] = p.open_tickets;
  j["last_ticket_at"] = or_null(p.last_ticket_at);
  j["open_ticket_list"] = Json::array();
  for (const auto& t : p.open_ticket_list)
    j["open_ticket_list"].push_back({{"ticket_id", t.id},
                                     {"subject", or_null(t.subject)},
                                     {"status", or_null(t.status)},
                                     {"priority", or_null(t.priority)},
                                     {"created_at", or_null(t.created_at)}});
  auto rated = p.csat_good + p.csat_bad;
  j["csat"] = rated ? Json(static_cast<double>(p.csat_good) / static_cast<double>(rated)) : Json();
  return j;
}

}  // namespace shopkeep::analytics
