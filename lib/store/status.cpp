#include "store/status.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace shopkeep::store {

nlohmann::ordered_json store_status(Db& db) {
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
  Stmt state(db, "SELECT source, resource, last_success, cursor FROM sync_state ORDER BY source, resource");
  while (state.step()) {
    nlohmann::ordered_json s;
    s["source"] = state.get_text(0);
    s["resource"] = state.get_text(1);
    s["last_success"] = state.is_null(2) ? nlohmann::ordered_json() : nlohmann::ordered_json(state.get_text(2));
    s["cursor"] = state.is_null(3) ? nlohmann::ordered_json() : nlohmann::ordered_json(state.get_text(3));
    sources.push_back(s);
  }
  result["sources"] = sources;
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
