// shopkeep audit [--only LIST] [--fail-on info|warn|error]: what to fix before trusting automation.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "analytics/audit/audit.hpp"
#include "completes.hpp"
#include "core/error.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"
#include "validators.hpp"

namespace shopkeep::cmd {

namespace {

namespace audit = analytics::audit;

struct AuditCommandOptions {
  std::vector<std::string> only;
  std::optional<std::string> fail_on;
};

// People read a summary per check with one example; scripts get every finding with --json.
void write_table(Context& ctx, const std::vector<audit::Finding>& findings) {
  if (findings.empty()) {
    ctx.out() << "No findings.\n";
    return;
  }
  std::map<std::string, std::pair<int, const audit::Finding*>> per_check;
  for (const auto& f : findings) {
    auto& entry = per_check[f.check];
    if (entry.first++ == 0) entry.second = &f;
  }
  // The worst first (error, warn, info), each severity in the order the checks are listed.
  std::vector<const audit::Check*> order;
  for (const auto& check : audit::all_checks()) order.push_back(&check);
  std::stable_sort(order.begin(), order.end(), [&](const auto* a, const auto* b) {
    auto severity = [&](const audit::Check* c) {
      auto it = per_check.find(c->id);
      return it == per_check.end() ? -1 : static_cast<int>(it->second.second->severity);
    };
    return severity(a) > severity(b);
  });
  auto rows = output::Json::array();
  int per_severity[3] = {0, 0, 0};
  for (const auto* check : order) {
    auto it = per_check.find(check->id);
    if (it == per_check.end()) continue;
    const audit::Finding& f = *it->second.second;
    rows.push_back({{"severity", audit::severity_name(f.severity)},
                    {"check", f.check},
                    {"findings", it->second.first},
                    {"example", f.subject + ": " + f.message}});
  }
  ctx.write_listing(rows);
  for (const auto& f : findings) ++per_severity[static_cast<int>(f.severity)];
  auto count = [](int n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); };
  ctx.out() << fmt::format("\n{}: {}, {}, {}. Every finding: shopkeep audit --json (or --format csv).\n",
                           count(static_cast<int>(findings.size()), "finding", "findings"),
                           count(per_severity[2], "error", "errors"), count(per_severity[1], "warning", "warnings"),
                           count(per_severity[0], "info", "info"));
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
  return text;
}

// Which checks ran and came out clean, and which were skipped for lack of data: a clean audit of a
// store without tickets says nothing about support, and people should know that.
void write_checks_summary(Context& ctx, const audit::AuditRun& run) {
  std::set<std::string> with_findings;
  for (const auto& f : run.findings) with_findings.insert(f.check);
  std::vector<std::string> clean;
  for (const auto* check : run.ran)
    if (!with_findings.count(check->id)) clean.push_back(check->id);
  auto checks = [](size_t n) { return fmt::format("{} {}", n, n == 1 ? "check" : "checks"); };
  ctx.reporter().info(fmt::format("{} ran: {} with findings, {} clean; {} skipped.", checks(run.ran.size()),
                                  run.ran.size() - clean.size(), clean.size(), run.skipped.size()));
  if (!clean.empty()) ctx.reporter().info("Clean: " + joined(clean) + ".");
  // A whole category skipped for one reason reads as one line ("support checks skipped: ...").
  std::map<std::string, std::vector<const audit::SkippedCheck*>> skipped_per_category;
  for (const auto& skip : run.skipped) skipped_per_category[skip.check->category].push_back(&skip);
  for (const auto& [category, skips] : skipped_per_category) {
    size_t in_category = 0;
    for (const auto& check : audit::all_checks()) in_category += check.category == category;
    bool one_reason = std::all_of(skips.begin(), skips.end(),
                                  [&, first = skips[0]](const auto* s) { return s->reason == first->reason; });
    if (skips.size() == in_category && one_reason) {
      ctx.reporter().info(fmt::format("{} checks skipped: {}.", category, skips[0]->reason));
      continue;
    }
    for (const auto* skip : skips) ctx.reporter().info(fmt::format("{} skipped: {}.", skip->check->id, skip->reason));
  }
}

void run_audit(Context& ctx, const AuditCommandOptions& flags) {
  std::optional<audit::Severity> fail_on;
  if (flags.fail_on) fail_on = audit::parse_severity(*flags.fail_on);
  std::vector<std::string> only;
  for (const auto& item : flags.only) {
    size_t start = 0;
    while (start <= item.size()) {
      size_t comma = item.find(',', start);
      std::string name = item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!name.empty()) only.push_back(name);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  auto store = ctx.open_store();
  auto shop = store::load_shop_settings(*store, ctx.config());
  auto run = audit::run_checks(*store, ctx.config(), shop, ctx.now(), only);
  const auto& findings = run.findings;
  if (ctx.format() == output::Format::table) {
    write_table(ctx, findings);
    write_checks_summary(ctx, run);
  } else {
    auto rows = output::Json::array();
    for (const auto& f : findings) rows.push_back(to_json(f));
    ctx.write_listing(rows);
  }
  if (!fail_on) return;
  for (const auto& f : findings)
    if (f.severity >= *fail_on)
      throw Error(ExitCode::threshold, fmt::format("audit found {}-level findings (--fail-on {})",
                                                   audit::severity_name(f.severity), audit::severity_name(*fail_on)));
}

}  // namespace

void setup_audit(CLI::App& command, Registry& registry) {
  auto flags = std::make_shared<AuditCommandOptions>();
  auto* cmd = &command;
  cmd->add_option("--only", flags->only, "categories or check ids, comma-separated (e.g. catalog,support.unsolved)")
      ->delimiter(',')
      ->check(completes(analytics::audit::selector_names()));
  cmd->add_option("--fail-on", flags->fail_on, "exit 5 when a finding has at least this severity: info, warn, error")
      ->check(one_of(analytics::audit::severity_names()));
  std::string checks;
  for (const auto& c : analytics::audit::all_checks())
    checks += fmt::format("  {:<32} {:<5} {}\n", c.id, analytics::audit::severity_name(c.severity), c.summary);
  cmd->footer("Checks:\n" + checks +
              "Thresholds are in the config's [audit] table (docs/audit-kpi.md). Table output summarises per check;\n"
              "--json lists every finding (check, category, severity, subject, message). In table mode stderr then\n"
              "says which checks ran, which were clean and which were skipped for lack of data (no tickets: the\n"
              "support checks are skipped, not clean).\n"
              "Example (cron): shopkeep audit --fail-on error > audit.txt 2>&1 || mail -s 'shop audit' me < audit.txt");
  registry.on_run(cmd, [flags](Context& ctx) { run_audit(ctx, *flags); });
}

}  // namespace shopkeep::cmd
