#include "store/deferred_indexes.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::store;

namespace {

std::int64_t indexes_of(Db& db, const std::string& table) {
  Stmt count(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1");
  count.bind(1, table);
  count.step();
  return count.get_int(0);
}

void make_tables(Db& db) {
  db.exec(
      "CREATE TABLE empty_one (id INTEGER PRIMARY KEY, code TEXT UNIQUE, a TEXT, b TEXT);"
      "CREATE INDEX empty_one_a ON empty_one(a); CREATE INDEX empty_one_b ON empty_one(lower(trim(b)));"
      "CREATE TABLE full_one (id INTEGER PRIMARY KEY, a TEXT); CREATE INDEX full_one_a ON full_one(a);"
      "INSERT INTO full_one VALUES (1, 'x');");
}

}  // namespace

TEST_CASE("deferred indexes: only an empty table's own indexes go, and come back as they were") {
  Db db(":memory:", Db::Mode::read_write_create);
  make_tables(db);
  CHECK(indexes_of(db, "empty_one") == 3);  // two of ours and UNIQUE's
  {
    Transaction tx(db);
    DeferredIndexes deferred(db, {"empty_one", "full_one"});
    CHECK(deferred.names() == std::vector<std::string>{"empty_one_a", "empty_one_b"});
    CHECK(indexes_of(db, "empty_one") == 1);  // UNIQUE stays: upserts need it
    CHECK(indexes_of(db, "full_one") == 1);
    db.exec("INSERT INTO empty_one (code, a, b) VALUES ('c1', 'p', ' Q '), ('c2', 'r', 's')");
    deferred.rebuild();
    tx.commit();
  }
  CHECK(indexes_of(db, "empty_one") == 3);
  CHECK(db.scalar_int("SELECT count(*) FROM empty_one INDEXED BY empty_one_b WHERE lower(trim(b)) = 'q'") == 1);
  CHECK(db.scalar_int("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'") == 0);
}

TEST_CASE("deferred indexes: a load that fails rolls the indexes back with the rows") {
  Db db(":memory:", Db::Mode::read_write_create);
  make_tables(db);
  {
    Transaction tx(db);
    DeferredIndexes deferred(db, {"empty_one"});
    db.exec("INSERT INTO empty_one (code) VALUES ('c1')");
  }  // no commit: rolled back
  CHECK(indexes_of(db, "empty_one") == 3);
  CHECK(db.scalar_int("SELECT count(*) FROM empty_one") == 0);
}
