#pragma once
// A fresh store in a temporary folder, removed at the end of the test.
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/store.hpp"

namespace shopkeep::testing {

class TempStore {
 public:
  TempStore() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("shopkeep-unit-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    db_ = store::open_store(dir_ / "store.db");
  }
  ~TempStore() {
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  store::Db& db() { return *db_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::int64_t count(const std::string& sql) { return db_->scalar_int(sql); }
  std::string text(const std::string& sql) {
    store::Stmt s(*db_, sql);
    return s.step() && !s.is_null(0) ? s.get_text(0) : "<null>";
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<store::Db> db_;
};

}  // namespace shopkeep::testing
