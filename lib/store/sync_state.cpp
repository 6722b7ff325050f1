#include "store/sync_state.hpp"

namespace shopkeep::store {

std::optional<std::string> read_cursor(Db& db, const std::string& source, const std::string& resource) {
  Stmt s(db, "SELECT cursor FROM sync_state WHERE source = ?1 AND resource = ?2");
  s.bind(1, source).bind(2, resource);
  return s.step() ? s.get_opt_text(0) : std::nullopt;
}

void write_cursor(Db& db, const std::string& source, const std::string& resource, const std::string& cursor) {
  Stmt s(db,
         "INSERT INTO sync_state (source, resource, cursor) VALUES (?1, ?2, ?3) "
         "ON CONFLICT(source, resource) DO UPDATE SET cursor = excluded.cursor");
  s.bind(1, source).bind(2, resource).bind(3, cursor);
  s.run();
}

void record_attempt(Db& db, const std::string& source, const std::string& resource, const std::string& at,
                    const std::optional<std::string>& error) {
  Stmt s(db,
         "INSERT INTO sync_state (source, resource, last_attempt, last_success, last_error) VALUES (?1, ?2, ?3, "
         "CASE WHEN ?4 IS NULL THEN ?3 END, ?4) ON CONFLICT(source, resource) DO UPDATE SET last_attempt = "
         "excluded.last_attempt, "
         "last_success = coalesce(excluded.last_success, sync_state.last_success), last_error = excluded.last_error");
  s.bind(1, source).bind(2, resource).bind(3, at).bind(4, error);
  s.run();
}

}  // namespace shopkeep::store
