#include "privacy/export.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "privacy/person.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::privacy {

namespace {

nlohmann::ordered_json row_object(store::Stmt& rows) {
  nlohmann::ordered_json row = nlohmann::ordered_json::object();
  for (int c = 0; c < rows.columns(); ++c) {
    std::string name = rows.column_name(c);
    switch (rows.column_type(c)) {
      case SQLITE_NULL: row[name] = nullptr; break;
      case SQLITE_INTEGER: row[name] = rows.get_int(c); break;
      case SQLITE_FLOAT: row[name] = rows.get_double(c); break;
      default: {
        std::string text = rows.get_text(c);
        if (name == "raw") {
          auto parsed = nlohmann::ordered_json::parse(text, nullptr, false);
          row[name] = parsed.is_discarded() ? nlohmann::ordered_json(text) : parsed;
        } else {
          row[name] = text;
        }
      }
    }
  }
  return row;
}

}  // namespace

nlohmann::ordered_json export_person(store::Db& db, const std::string& email) {
  std::string normalised = normalise_email(email);
  if (!collect_person_keys(db, normalised)) throw runtime_error("nobody with email " + email + " is in the store");
  nlohmann::ordered_json result;
  result["email"] = normalised;
  result["tables"] = nlohmann::ordered_json::object();
  // Parents first reads naturally in an export; person_tables() lists children first for deletes.
  const auto& tables = person_tables();
  for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
    store::Stmt rows(db, "SELECT * FROM " + it->table + " WHERE " + it->where + " ORDER BY 1");
    bind_email(rows, normalised);
    auto list = nlohmann::ordered_json::array();
    while (rows.step()) list.push_back(row_object(rows));
    result["tables"][it->table] = std::move(list);
  }
  return result;
}

}  // namespace shopkeep::privacy
