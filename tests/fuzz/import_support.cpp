#include "import_support.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "store/schema.hpp"

namespace shopkeep::fuzz {

namespace {

namespace fs = std::filesystem;

// A fresh store for each input, in memory: a copy of one empty, migrated store (the same every
// time, so a finding replays exactly). In memory, because a file would cost an fsync per commit, and
// libFuzzer's timer signal interrupts file copies (EINTR).
std::unique_ptr<store::Db> fresh_store() {
  static const std::vector<unsigned char> image = [] {
    store::Db db(":memory:", store::Db::Mode::read_write_create);
    db.exec("PRAGMA foreign_keys = ON");
    store::migrate(db);
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(db.raw(), "main", &size, 0);
    if (bytes == nullptr) std::abort();
    std::vector<unsigned char> copy(bytes, bytes + size);
    sqlite3_free(bytes);
    return copy;
  }();
  auto db = std::make_unique<store::Db>(":memory:", store::Db::Mode::read_write_create);
  auto* bytes = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
  if (bytes == nullptr) std::abort();
  std::memcpy(bytes, image.data(), image.size());
  auto size = static_cast<sqlite3_int64>(image.size());
  if (sqlite3_deserialize(db->raw(), "main", bytes, size, size,
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
    std::abort();
  db->exec("PRAGMA foreign_keys = ON");  // as open_store sets it on every connection
  return db;
}

[[noreturn]] void broken(const std::string& promise, const std::string& table, std::int64_t before,
                         std::int64_t after) {
  std::fprintf(stderr, "fuzz: %s: table %s had %lld rows, now %lld\n", promise.c_str(), table.c_str(),
               static_cast<long long>(before), static_cast<long long>(after));
  std::abort();
}

void expect_same_rows(const std::vector<std::pair<std::string, std::int64_t>>& before,
                      const std::vector<std::pair<std::string, std::int64_t>>& after, const std::string& promise) {
  for (size_t i = 0; i < before.size() && i < after.size(); ++i)
    if (before[i] != after[i]) broken(promise, before[i].first, before[i].second, after[i].second);
}

}  // namespace

std::vector<std::pair<std::string, std::int64_t>> table_rows(store::Db& db) {
  std::vector<std::string> tables;
  auto list =
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
  while (list.step()) tables.push_back(list.get_text(0));
  std::vector<std::pair<std::string, std::int64_t>> rows;
  for (const auto& t : tables) rows.emplace_back(t, db.scalar_int("SELECT count(*) FROM \"" + t + "\""));
  return rows;
}

void check_import(std::string_view bytes, const std::string& file_name, ImportFiles import) {
  fs::path input = scratch_dir() / file_name;
  write_file(input, bytes);
  auto db = fresh_store();
  SilentReporter reporter;
  auto empty = table_rows(*db);
  try {
    import(*db, {input.string()}, reporter, "2026-06-01T00:00:00Z");
  } catch (const Error&) {
    expect_same_rows(empty, table_rows(*db), "a failed import changed the store");
    return;
  }
  auto once = table_rows(*db);
  import(*db, {input.string()}, reporter,
         "2026-06-01T00:00:00Z");  // it succeeded once: the same file must succeed again
  auto twice = table_rows(*db);
  // The import log gains a row per import by design; every data table must hold its count.
  for (size_t i = 0; i < once.size(); ++i)
    if (once[i].first != "import_log" && once[i] != twice[i])
      broken("importing the same file twice doubled rows", once[i].first, once[i].second, twice[i].second);
}

}  // namespace shopkeep::fuzz
