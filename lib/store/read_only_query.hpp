#pragma once
// `shopkeep sql`: one read-only statement over the store, its rows as JSON objects. A statement
// that would write, or that does not prepare, is a usage error and the store stays untouched.
#include <nlohmann/json_fwd.hpp>

#include <string_view>

#include "store/db.hpp"

namespace shopkeep::store {

nlohmann::ordered_json read_only_query(Db& db, std::string_view sql);

}  // namespace shopkeep::store
