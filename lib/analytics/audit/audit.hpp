#pragma once
// `shopkeep audit`: findings a shop should fix before it trusts any automation, in six categories
// (data, catalog, customers, orders, support, compliance). Each check is a function over the
// store; thresholds come from the config's [audit] table.
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::audit {

enum class Severity { info = 0, warn = 1, error = 2 };
const char* severity_name(Severity s);
Severity parse_severity(const std::string& text);  // usage error for anything else
std::vector<std::string> severity_names();         // info, warn, error

struct Finding {
  std::string check, category;
  Severity severity;
  std::string subject;  // "table:id" or "shop"
  std::string message;  // what is wrong and what to do
};

// One row of cli.md `audit --json`.
nlohmann::ordered_json to_json(const Finding& finding);

struct AuditContext {
  store::Db& db;
  const Config& config;
  const store::ShopSettings& shop;
  Instant now;
  double number(const char* key, double fallback) const;
  std::vector<Finding>* out;
  const struct Check* check;
  void add(const std::string& subject, const std::string& message,
           std::optional<Severity> severity = std::nullopt) const;
};

struct Check {
  const char* id;
  const char* category;
  Severity severity;
  const char* summary;  // one line for --help and the table view
  std::function<void(const AuditContext&)> run;
  // A table the check needs rows in; when it is empty the check is skipped for lack of data
  // rather than reported clean (no tickets imported says nothing about support).
  const char* needs_table = nullptr;
  const char* missing = nullptr;  // why it is skipped, e.g. "no tickets in the store"
};

// Sets needs_table/missing on the checks from `first` to the end of `checks`.
void needs_rows(std::vector<Check>& checks, size_t first, const char* table, const char* missing);

// Every check, in report order.
const std::vector<Check>& all_checks();
// Per category file.
void add_data_checks(std::vector<Check>& checks);
void add_catalog_checks(std::vector<Check>& checks);
void add_customer_checks(std::vector<Check>& checks);
void add_order_checks(std::vector<Check>& checks);
void add_support_checks(std::vector<Check>& checks);
void add_compliance_checks(std::vector<Check>& checks);

// What --only accepts: the categories, then every check id, in report order.
std::vector<std::string> selector_names();

struct SkippedCheck {
  const Check* check;
  std::string reason;
};

// What an audit did: its findings, and which of the selected checks ran (in report order) or
// were skipped for lack of data.
struct AuditRun {
  std::vector<Finding> findings;
  std::vector<const Check*> ran;
  std::vector<SkippedCheck> skipped;
};

// Runs the checks whose id or category is in `only` (all when empty); a name that is neither is a
// usage error listing the valid ones.
AuditRun run_checks(store::Db& db, const Config& config, const store::ShopSettings& shop, Instant now,
                    const std::vector<std::string>& only);
// The findings of run_checks.
std::vector<Finding> run_audit(store::Db& db, const Config& config, const store::ShopSettings& shop, Instant now,
                               const std::vector<std::string>& only);

}  // namespace shopkeep::analytics::audit
