#pragma once
// A small helper for checks: run a query with bound values and handle each row.
#include <functional>
#include <string>
#include <vector>

#include "analytics/audit/audit.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::audit {

using Binder = std::function<void(store::Stmt&)>;

inline void each_row(const AuditContext& ctx, const std::string& sql, const Binder& bind,
                     const std::function<void(store::Stmt&)>& handle) {
  store::Stmt s(ctx.db, sql);
  if (bind) bind(s);
  while (s.step()) handle(s);
}

inline std::string subject(const char* table, std::int64_t id) { return std::string(table) + ":" + std::to_string(id); }

inline std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100.0);
  return buffer;
}

}  // namespace shopkeep::analytics::audit
