#include "store/read_only_query.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

#include "core/error.hpp"

namespace shopkeep::store {

namespace {

bool only_space_or_semicolons(const char* p) {
  for (; p && *p; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p)) && *p != ';') return false;
  return true;
}

std::string hex(const void* data, int size) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  auto bytes = static_cast<const unsigned char*>(data);
  for (int i = 0; i < size; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

// Releases the statement and turns query_only back off, whatever happens.
struct QueryGuard {
  Db& db;
  sqlite3_stmt* stmt = nullptr;
  ~QueryGuard() {
    sqlite3_finalize(stmt);
    sqlite3_exec(db.raw(), "PRAGMA query_only = 0", nullptr, nullptr, nullptr);
  }
};

}  // namespace

nlohmann::ordered_json read_only_query(Db& db, std::string_view sql) {
  db.exec("PRAGMA query_only = 1");  // a second line of defence behind sqlite3_stmt_readonly
  QueryGuard guard{db};
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db.raw(), sql.data(), static_cast<int>(sql.size()), &guard.stmt, &tail) != SQLITE_OK)
    throw usage_error(std::string("SQL does not prepare: ") + sqlite3_errmsg(db.raw()));
  if (guard.stmt == nullptr) throw usage_error("no SQL statement given");
  if (!only_space_or_semicolons(tail))
    throw usage_error("one statement at a time, please", "split the query, or use the sqlite3 shell for scripts");
  if (!sqlite3_stmt_readonly(guard.stmt))
    throw usage_error("shopkeep sql is read-only: this statement would change the store",
                      "use import/sync to change data, or the sqlite3 shell on a copy");
  auto rows = nlohmann::ordered_json::array();
  int columns = sqlite3_column_count(guard.stmt);
  for (;;) {
    int rc = sqlite3_step(guard.stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) throw runtime_error(std::string("query failed: ") + sqlite3_errmsg(db.raw()));
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (int c = 0; c < columns; ++c) {
      std::string name = sqlite3_column_name(guard.stmt, c);
      switch (sqlite3_column_type(guard.stmt, c)) {
        case SQLITE_INTEGER: row[name] = sqlite3_column_int64(guard.stmt, c); break;
        case SQLITE_FLOAT: row[name] = sqlite3_column_double(guard.stmt, c); break;
        case SQLITE_NULL: row[name] = nullptr; break;
        case SQLITE_BLOB:
          row[name] = hex(sqlite3_column_blob(guard.stmt, c), sqlite3_column_bytes(guard.stmt, c));
          break;
        default:
          row[name] = std::string(reinterpret_cast<const char*>(sqlite3_column_text(guard.stmt, c)),
                                  sqlite3_column_bytes(guard.stmt, c));
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace shopkeep::store
