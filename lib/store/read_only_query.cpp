#include "store/read_only_query.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>

#include "core/error.hpp"

namespace shopkeep::store {

namespace {

// Nothing but white space, semicolons and SQL comments after the statement.
bool nothing_after(const char* p) {
  while (p && *p) {
    if (std::isspace(static_cast<unsigned char>(*p)) || *p == ';') {
      ++p;
    } else if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') ++p;
    } else if (p[0] == '/' && p[1] == '*') {
      const char* end = std::strstr(p + 2, "*/");
      if (end == nullptr) return true;  // an unterminated comment runs to the end, as SQLite reads it
      p = end + 2;
    } else {
      return false;
    }
  }
  return true;
}

// ATTACH would create or open another file through a "read-only" command (VACUUM INTO writes one
// too; SQLite authorizes it as an ATTACH of the target).
int refuse_attach(void*, int action, const char*, const char*, const char*, const char*) {
  return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

using Clock = std::chrono::steady_clock;

// SQLite calls this every few thousand virtual-machine steps; non-zero interrupts the statement.
int past_deadline(void* deadline) { return Clock::now() > *static_cast<Clock::time_point*>(deadline) ? 1 : 0; }

// Column names made unique: title, title_2, title_3.
std::vector<std::string> unique_names(sqlite3_stmt* stmt) {
  std::vector<std::string> names;
  int count = sqlite3_column_count(stmt);
  for (int c = 0; c < count; ++c) {
    std::string base = sqlite3_column_name(stmt, c);
    std::string name = base;
    for (int n = 2; std::find(names.begin(), names.end(), name) != names.end(); ++n)
      name = base + "_" + std::to_string(n);
    names.push_back(name);
  }
  return names;
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

// Releases the statement, turns query_only back off and lifts the limits, whatever happens.
struct QueryGuard {
  Db& db;
  sqlite3_stmt* stmt = nullptr;
  sqlite3_int64 heap_limit_before = -1;
  ~QueryGuard() {
    sqlite3_finalize(stmt);
    sqlite3_set_authorizer(db.raw(), nullptr, nullptr);
    sqlite3_progress_handler(db.raw(), 0, nullptr, nullptr);
    if (heap_limit_before >= 0) sqlite3_hard_heap_limit64(heap_limit_before);
    sqlite3_exec(db.raw(), "PRAGMA query_only = 0", nullptr, nullptr, nullptr);
  }
};

std::string seconds_text(std::chrono::milliseconds t) {
  auto ms = t.count();
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

}  // namespace

void read_only_query(Db& db, std::string_view sql,
                     const std::function<void(const std::vector<std::string>&)>& on_columns,
                     const std::function<void(const nlohmann::ordered_json&)>& on_row, const QueryLimits& limits) {
  db.exec("PRAGMA query_only = 1");  // a second line of defence behind sqlite3_stmt_readonly
  QueryGuard guard{db};
  sqlite3_set_authorizer(db.raw(), refuse_attach, nullptr);
  Clock::time_point deadline = Clock::now() + limits.timeout;
  if (limits.timeout.count() > 0) sqlite3_progress_handler(db.raw(), 10000, past_deadline, &deadline);
  if (limits.max_memory_bytes > 0) guard.heap_limit_before = sqlite3_hard_heap_limit64(limits.max_memory_bytes);
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db.raw(), sql.data(), static_cast<int>(sql.size()), &guard.stmt, &tail) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(db.raw());
    if (message == "not authorized")
      throw usage_error("shopkeep sql is read-only: ATTACH, DETACH and VACUUM INTO are refused",
                        "open other databases with the sqlite3 shell");
    throw usage_error("SQL does not prepare: " + message);
  }
  if (guard.stmt == nullptr) throw usage_error("no SQL statement given");
  if (!nothing_after(tail))
    throw usage_error("one statement at a time, please", "split the query, or use the sqlite3 shell for scripts");
  if (!sqlite3_stmt_readonly(guard.stmt))
    throw usage_error("shopkeep sql is read-only: this statement would change the store",
                      "use import/sync to change data, or the sqlite3 shell on a copy");
  auto names = unique_names(guard.stmt);
  on_columns(names);
  int columns = static_cast<int>(names.size());
  nlohmann::ordered_json row = nlohmann::ordered_json::object();
  for (;;) {
    int rc = sqlite3_step(guard.stmt);
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_INTERRUPT)
      throw runtime_error("the query was stopped after " + seconds_text(limits.timeout) + " (--timeout)",
                          "give it more time with --timeout SECONDS (0: no limit), or narrow the query");
    if (rc == SQLITE_NOMEM)
      throw runtime_error("the query needed more than " + std::to_string(limits.max_memory_bytes >> 20) +
                              " MiB of memory (--max-memory)",
                          "raise --max-memory MIB (0: no limit), or narrow the query");
    if (rc != SQLITE_ROW) throw runtime_error(std::string("query failed: ") + sqlite3_errmsg(db.raw()));
    for (int c = 0; c < columns; ++c) {
      const std::string& name = names[static_cast<size_t>(c)];
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
    on_row(row);
  }
}

nlohmann::ordered_json read_only_query(Db& db, std::string_view sql) {
  auto rows = nlohmann::ordered_json::array();
  read_only_query(
      db, sql, [](const std::vector<std::string>&) {}, [&](const nlohmann::ordered_json& row) { rows.push_back(row); });
  return rows;
}

}  // namespace shopkeep::store
