#pragma once
// `shopkeep sql`: one read-only statement over the store, its rows as JSON objects, streamed. A
// statement that would write (ATTACH included: it would create a file), or that does not prepare,
// is a usage error and the store stays untouched.
#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.hpp"

namespace shopkeep::store {

// What one query may spend: a statement without end (a recursive CTE that never stops) is stopped
// with a runtime error instead of running or growing forever.
struct QueryLimits {
  std::chrono::milliseconds timeout{std::chrono::seconds{60}};  // 0: no limit
  std::int64_t max_memory_bytes = std::int64_t{1} << 30;        // SQLite's heap; 0: no limit
};

// Runs `sql`: `on_columns` once with the column names (a repeated name gets _2, _3, as
// sqlite-utils does), then `on_row` per row, keyed by those names.
void read_only_query(Db& db, std::string_view sql,
                     const std::function<void(const std::vector<std::string>&)>& on_columns,
                     const std::function<void(const nlohmann::ordered_json&)>& on_row, const QueryLimits& limits = {});

// Every row at once.
nlohmann::ordered_json read_only_query(Db& db, std::string_view sql);

}  // namespace shopkeep::store
