#include "store/status.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>

namespace shopkeep::store {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(Stmt& s, int i) { return s.is_null(i) ? Json() : Json(s.get_text(i)); }

// The last import per source.
Json last_imports(Db& db) {
  Json out = Json::array();
  Stmt s(db, "SELECT source, max(imported_at), count(*), sum(files) FROM import_log GROUP BY source ORDER BY source");
  while (s.step())
    out.push_back({{"source", s.get_text(0)},
                   {"last_import", s.get_text(1)},
                   {"imports", s.get_int(2)},
                   {"files", s.get_int(3)}});
  return out;
}

Json shop_of(Db& db) {
  Stmt s(db, "SELECT name, myshopify_domain, timezone, currency FROM shop ORDER BY synced_at DESC LIMIT 1");
  if (!s.step()) return Json();
  return {{"name", text_or_null(s, 0)},
          {"domain", text_or_null(s, 1)},
          {"timezone", text_or_null(s, 2)},
          {"currency", text_or_null(s, 3)}};
}

// What period the data covers, and how old its newest order is as of `now`.
Json data_range(Db& db, Instant now) {
  Json out;
  Stmt orders(db, "SELECT min(ordered_at), max(ordered_at) FROM counted_orders");
  orders.step();
  out["first_order_at"] = text_or_null(orders, 0);
  out["last_order_at"] = text_or_null(orders, 1);
  auto last = orders.is_null(1) ? std::nullopt : parse_rfc3339(orders.get_text(1));
  out["newest_order_age_days"] =
      last ? Json(std::chrono::duration_cast<std::chrono::hours>(now - *last).count() / 24) : Json();
  Stmt tickets(db, "SELECT min(created_at), max(created_at) FROM tickets WHERE deleted_at IS NULL");
  tickets.step();
  out["first_ticket_at"] = text_or_null(tickets, 0);
  out["last_ticket_at"] = text_or_null(tickets, 1);
  return out;
}

}  // namespace

nlohmann::ordered_json store_status(Db& db, Instant now) {
  nlohmann::ordered_json result;
  auto tables = nlohmann::ordered_json::object();
  Stmt names(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  while (names.step()) {
    std::string name = names.get_text(0);
    // Table names come from the schema itself, quoted as identifiers.
    std::string quoted = "\"" + name + "\"";
    tables[name] = db.scalar_int("SELECT count(*) FROM " + quoted);
  }
  result["tables"] = tables;
  auto sources = nlohmann::ordered_json::array();
  Stmt state(db,
             "SELECT source, resource, last_success, cursor, last_attempt, last_error FROM sync_state "
             "ORDER BY source, resource");
  while (state.step()) {
    nlohmann::ordered_json s;
    s["source"] = state.get_text(0);
    s["resource"] = state.get_text(1);
    s["last_success"] = text_or_null(state, 2);
    s["cursor"] = text_or_null(state, 3);
    s["last_attempt"] = text_or_null(state, 4);
    s["last_error"] = text_or_null(state, 5);
    sources.push_back(s);
  }
  result["sources"] = sources;
  result["imports"] = last_imports(db);
  result["shop"] = shop_of(db);
  result["data"] = data_range(db, now);
  std::uintmax_t bytes = 0;
  std::error_code ec;
  for (const char* suffix : {"", "-wal"}) {
    auto size = std::filesystem::file_size(db.path() + suffix, ec);
    if (!ec) bytes += size;
  }
  result["store_bytes"] = bytes;
  return result;
}

}  // namespace shopkeep::store
