#include "store/db.hpp"

#include "core/error.hpp"

namespace shopkeep::store {

Db::Db(const std::string& path, Mode mode) : path_(path) {
  int flags = mode == Mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw runtime_error("cannot open store " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::fail(const std::string& what) const {
  throw runtime_error(what + ": " + sqlite3_errmsg(db_) + " (store " + path_ + ")");
}

void Db::exec(std::string_view sql) {
  std::string copy(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw runtime_error("store: " + text + " (store " + path_ + ")");
  }
}

std::int64_t Db::changes() const { return sqlite3_changes64(db_); }

std::int64_t Db::scalar_int(std::string_view sql) {
  Stmt s(*this, sql);
  return s.step() ? s.get_int(0) : 0;
}

Stmt::Stmt(Db& db, std::string_view sql) : db_(&db) {
  if (sqlite3_prepare_v3(db.raw(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                         nullptr) != SQLITE_OK)
    db.fail("cannot prepare SQL");
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt::Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Stmt& Stmt::bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) db_->fail("cannot bind parameter");
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  if (sqlite3_bind_double(stmt_, i, v) != SQLITE_OK) db_->fail("cannot bind parameter");
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  if (sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
    db_->fail("cannot bind parameter");
  return *this;
}
Stmt& Stmt::bind_static(int i, std::string_view v) {
  if (sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK)
    db_->fail("cannot bind parameter");
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) db_->fail("cannot bind parameter");
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail("store statement failed");
}

void Stmt::run() {
  while (step()) {
  }
  reset();
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Stmt::columns() const { return sqlite3_column_count(stmt_); }
std::string Stmt::column_name(int i) const { return sqlite3_column_name(stmt_, i); }
int Stmt::column_type(int i) const { return sqlite3_column_type(stmt_, i); }
std::int64_t Stmt::get_int(int i) const { return sqlite3_column_int64(stmt_, i); }
double Stmt::get_double(int i) const { return sqlite3_column_double(stmt_, i); }
std::string Stmt::get_text(int i) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
  return p ? std::string(p, sqlite3_column_bytes(stmt_, i)) : std::string();
}
std::optional<std::string> Stmt::get_opt_text(int i) const {
  if (is_null(i)) return std::nullopt;
  return get_text(i);
}
std::optional<std::int64_t> Stmt::get_opt_int(int i) const {
  if (is_null(i)) return std::nullopt;
  return get_int(i);
}
bool Stmt::readonly() const { return sqlite3_stmt_readonly(stmt_) != 0; }

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}
void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
  db_.count_commit();
}

}  // namespace shopkeep::store
