#include "store/store.hpp"

#include <doctest/doctest.h>

#include "../support/temp_store.hpp"

using namespace shopkeep;

TEST_CASE("a new store has 16 KiB pages in WAL mode; an existing one keeps its page size") {
  testing::TempStore fresh;
  CHECK(fresh.count("PRAGMA page_size") == 16384);
  CHECK(fresh.text("PRAGMA journal_mode") == "wal");

  auto path = fresh.dir() / "old.db";
  {
    store::Db old(path.string(), store::Db::Mode::read_write_create);
    old.exec("PRAGMA page_size = 4096; CREATE TABLE kept (a); INSERT INTO kept VALUES (1)");
  }
  auto reopened = store::open_store(path);
  CHECK(reopened->scalar_int("PRAGMA page_size") == 4096);
  CHECK(reopened->scalar_int("SELECT count(*) FROM kept") == 1);
  CHECK(reopened->scalar_int("PRAGMA user_version") > 0);  // migrated all the same
}
