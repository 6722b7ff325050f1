#include "analytics/audit/audit.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace shopkeep::analytics::audit {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warn: return "warn";
    case Severity::error: return "error";
  }
  return "info";
}

nlohmann::ordered_json to_json(const Finding& f) {
  return {{"check", f.check},
          {"category", f.category},
          {"severity", severity_name(f.severity)},
          {"subject", f.subject},
          {"message", f.message}};
}

namespace {

constexpr Severity kSeverities[] = {Severity::info, Severity::warn, Severity::error};

}  // namespace

std::vector<std::string> severity_names() {
  std::vector<std::string> names;
  for (Severity s : kSeverities) names.emplace_back(severity_name(s));
  return names;
}

Severity parse_severity(const std::string& text) {
  for (Severity s : kSeverities)
    if (text == severity_name(s)) return s;
  throw usage_error("invalid severity '" + text + "'", "choose info, warn or error");
}

double AuditContext::number(const char* key, double fallback) const {
  return config.get_number_in(std::string("audit.") + key, 0).value_or(fallback);  // no threshold is negative
}

void AuditContext::add(const std::string& subject, const std::string& message, std::optional<Severity> severity) const {
  out->push_back({check->id, check->category, severity.value_or(check->severity), subject, message});
}

const std::vector<Check>& all_checks() {
  static const std::vector<Check> checks = [] {
    std::vector<Check> c;
    add_data_checks(c);
    add_catalog_checks(c);
    add_customer_checks(c);
    add_order_checks(c);
    add_support_checks(c);
    add_compliance_checks(c);
    return c;
  }();
  return checks;
}

std::vector<std::string> selector_names() {
  std::vector<std::string> names;
  for (const auto& c : all_checks())
    if (std::find(names.begin(), names.end(), c.category) == names.end()) names.push_back(c.category);
  for (const auto& c : all_checks()) names.push_back(c.id);
  return names;
}

void needs_rows(std::vector<Check>& checks, size_t first, const char* table, const char* missing) {
  for (size_t i = first; i < checks.size(); ++i) {
    checks[i].needs_table = table;
    checks[i].missing = missing;
  }
}

namespace {

bool has_rows(store::Db& db, const char* table) {
  return db.scalar_int(std::string("SELECT EXISTS (SELECT 1 FROM ") + table + ")") != 0;
}

}  // namespace

AuditRun run_checks(store::Db& db, const Config& config, const store::ShopSettings& shop, Instant now,
                    const std::vector<std::string>& only) {
  auto selectors = selector_names();
  std::set<std::string> valid(selectors.begin(), selectors.end());
  for (const auto& name : only)
    if (!valid.count(name)) {
      std::string names;
      for (const auto& v : valid) names += (names.empty() ? "" : ", ") + v;
      throw usage_error("--only: unknown check or category '" + name + "'", "valid names: " + names);
    }
  AuditRun run;
  std::map<std::string, bool> tables_with_rows;
  for (const auto& check : all_checks()) {
    bool selected = only.empty() || std::find(only.begin(), only.end(), check.id) != only.end() ||
                    std::find(only.begin(), only.end(), check.category) != only.end();
    if (!selected) continue;
    if (check.needs_table) {
      auto known = tables_with_rows.find(check.needs_table);
      if (known == tables_with_rows.end())
        known = tables_with_rows.emplace(check.needs_table, has_rows(db, check.needs_table)).first;
      if (!known->second) {
        run.skipped.push_back({&check, check.missing});
        continue;
      }
    }
    AuditContext ctx{db, config, shop, now, &run.findings, &check};
    check.run(ctx);
    run.ran.push_back(&check);
  }
  return run;
}

std::vector<Finding> run_audit(store::Db& db, const Config& config, const store::ShopSettings& shop, Instant now,
                               const std::vector<std::string>& only) {
  return run_checks(db, config, shop, now, only).findings;
}

}  // namespace shopkeep::analytics::audit
