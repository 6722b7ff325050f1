#pragma once
// A small helper for checks: run a query with bound values and handle each row.
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
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

inline std::string percent(double share, int decimals = 1) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f%%", decimals, share * 100.0);
  return buffer;
}

// A rate and the threshold it passed, with enough decimals to tell them apart: "5.04% ... above
// 5.00%", never "5.0% ... above 5.0%".
inline std::pair<std::string, std::string> percents_apart(double share, double threshold) {
  int decimals = 1;
  while (decimals < 4 && percent(share, decimals) == percent(threshold, decimals)) ++decimals;
  return {percent(share, decimals), percent(threshold, decimals)};
}

// "1 day", "3 days".
inline std::string count_of(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace shopkeep::analytics::audit
