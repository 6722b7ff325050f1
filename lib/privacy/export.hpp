#pragma once
// Data-subject access request: every row stored about one person, raw JSON included.
#include <nlohmann/json_fwd.hpp>

#include <string>

#include "store/db.hpp"

namespace shopkeep::privacy {

// {"email", "tables": {TABLE: [row, ...]}}; `raw` columns are embedded as JSON.
// Throws a runtime error (exit 1) when nobody with that email is stored.
nlohmann::ordered_json export_person(store::Db& db, const std::string& email);

}  // namespace shopkeep::privacy
