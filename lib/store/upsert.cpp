#include "store/upsert.hpp"

namespace shopkeep::store {

std::string upsert_sql(const UpsertTable& table) {
  std::string name(table.name), columns = "id", values = "?1", updates;
  int n = 1;
  auto add = [&](std::string_view column, std::string_view on_update, std::string_view bind_as = {}) {
    columns += ", " + std::string(column);
    std::string parameter = "?" + std::to_string(++n);
    std::string value(bind_as.empty() ? "?" : bind_as);
    values += ", " + value.replace(value.find('?'), 1, parameter);
    if (!updates.empty()) updates += ", ";
    updates += std::string(column) + " = ";
    updates += on_update.empty() ? "excluded." + std::string(column) : std::string(on_update);
  };
  if (!table.parent_column.empty()) add(table.parent_column, {});
  for (const auto& c : table.columns) add(c.name, c.on_update, c.bind_as);
  add("raw", {});
  add("synced_at", {});
  if (table.has_deleted_at) add("deleted_at", {});
  std::string sql =
      "INSERT INTO " + name + " (" + columns + ") VALUES (" + values + ") ON CONFLICT(id) DO UPDATE SET " + updates;
  if (table.versioned)
    sql += " WHERE excluded.updated_at IS NULL OR " + name + ".updated_at IS NULL OR excluded.updated_at >= " + name +
           ".updated_at";
  return sql;
}

std::string same_row_sql(const UpsertTable& table) {
  return "SELECT raw IS ?2" + std::string(table.has_deleted_at ? " AND deleted_at IS ?3" : "") + " FROM " +
         std::string(table.name) + " WHERE id = ?1";
}

void OutcomeCounts::add(WriteOutcome outcome) {
  switch (outcome) {
    case WriteOutcome::inserted: ++inserted; return;
    case WriteOutcome::updated: ++updated; return;
    case WriteOutcome::unchanged: ++unchanged; return;
    case WriteOutcome::older: ++older_skipped; return;
  }
}

std::string_view field_name(const Column& column) {
  std::string_view first = column.pointer.substr(0, column.pointer.find('|'));
  if (!first.empty() && first.front() == '/') first.remove_prefix(1);
  return first;
}

}  // namespace shopkeep::store
