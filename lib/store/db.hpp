#pragma once
// Thin RAII handles over the SQLite C API: a connection, prepared statements with bound
// parameters (never SQL built from data), and transactions that roll back unless committed.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shopkeep::store {

class Db;

class Stmt {
 public:
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&&) = delete;
  Stmt(const Stmt&) = delete;

  // Parameters are 1-based, as in SQLite. A nullopt binds NULL.
  Stmt& bind(int index, std::int64_t value);
  Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Stmt& bind(int index, double value);
  Stmt& bind(int index, std::string_view text);  // copied by SQLite
  // Not copied: `text` must stay valid until the statement is stepped and reset (hot paths).
  Stmt& bind_static(int index, std::string_view text);
  Stmt& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Stmt& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Stmt& bind_null(int index);
  template <typename T>
  Stmt& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  bool step();   // true while a row is available
  void run();    // step to completion, for statements without rows
  void reset();  // ready to bind and step again (bindings cleared)

  int parameters() const { return sqlite3_bind_parameter_count(stmt_); }
  int columns() const;
  std::string column_name(int i) const;
  int column_type(int i) const;  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
  bool is_null(int i) const { return column_type(i) == SQLITE_NULL; }
  std::int64_t get_int(int i) const;
  double get_double(int i) const;
  std::string get_text(int i) const;
  std::optional<std::string> get_opt_text(int i) const;
  std::optional<std::int64_t> get_opt_int(int i) const;
  bool readonly() const;
  sqlite3_stmt* raw() { return stmt_; }

 private:
  Db* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  enum class Mode { read_write_create, read_only };
  Db(const std::string& path, Mode mode);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(std::string_view sql);  // one or more statements without parameters
  Stmt prepare(std::string_view sql) { return Stmt(*this, sql); }
  std::int64_t changes() const;
  std::int64_t scalar_int(std::string_view sql);
  sqlite3* raw() { return db_; }
  const std::string& path() const { return path_; }
  // Transactions committed through this connection so far (a sync tells "something was committed").
  std::uint64_t commits() const { return commits_; }
  void count_commit() { ++commits_; }

  // An error naming what failed, with SQLite's own message.
  [[noreturn]] void fail(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::uint64_t commits_ = 0;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace shopkeep::store
