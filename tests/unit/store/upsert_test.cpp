#include "store/upsert.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::store;

TEST_CASE("upsert SQL: insert expressions and update rules per column") {
  static constexpr Column kColumns[] = {
      {"status", "/status", FieldKind::text},
      {"last_live_status", "/status", FieldKind::text, "coalesce(excluded.last_live_status, t.last_live_status)",
       "nullif(?, 'deleted')"},
  };
  UpsertTable table{"t", kColumns, true, true};
  std::string sql = upsert_sql(table);
  CHECK(sql.find("VALUES (?1, ?2, nullif(?3, 'deleted'), ?4, ?5, ?6)") != std::string::npos);
  CHECK(sql.find("last_live_status = coalesce(excluded.last_live_status, t.last_live_status)") != std::string::npos);
  CHECK(sql.find("WHERE excluded.updated_at IS NULL") != std::string::npos);
}
