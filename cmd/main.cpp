// The one place that turns errors into messages and exit codes.
#include <CLI/CLI.hpp>

#include <iostream>

#include "completes.hpp"
#include "core/error.hpp"
#include "output/format.hpp"
#include "registry.hpp"
#include "suggest.hpp"

using namespace shopkeep;

namespace {

void add_global_options(CLI::App& app, cmd::GlobalOptions& g) {
  const std::string group = "Global options";
  app.add_option("--db", g.db, "SQLite store (env SHOPKEEP_DB)")->group(group)->type_name("PATH");
  app.add_option("--config", g.config, "TOML config file (env SHOPKEEP_CONFIG)")->group(group)->type_name("PATH");
  app.add_option("--format", g.format, "output: table, json, ndjson, csv")
      ->group(group)
      ->check(cmd::completes(output::format_names()));
  app.add_flag("--json", g.json, "short for --format json")->group(group);
  app.add_option("--now", g.now, "RFC 3339 instant used as now (env SHOPKEEP_NOW)")->group(group);
  app.add_flag("-q,--quiet", g.quiet, "nothing on stderr but errors")->group(group);
  app.add_flag("-v,--verbose", g.verbose, "more diagnostics on stderr")->group(group);
  app.add_flag("--no-progress", g.no_progress, "no progress bars")->group(group);
}

int report(const std::string& message, const std::string& hint, ExitCode code) {
  std::cerr << "shopkeep: error: " << message;
  if (!hint.empty()) std::cerr << ": " << hint;
  std::cerr << '\n';
  return static_cast<int>(code);
}

int report_parse_error(CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
  std::string hint = cmd::suggest_for_parse_error(app, e);
  if (hint.empty() && dynamic_cast<const CLI::RequiredError*>(&e) == nullptr) hint = "see 'shopkeep --help'";
  return report(e.what(), hint, ExitCode::usage);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "shopkeep: your shop's Shopify and Zendesk data in one local SQLite store,\n"
      "turned into audits, KPIs, customer value, cart recovery, recommendations and emails.",
      "shopkeep"};
  app.set_version_flag("--version", "shopkeep " SHOPKEEP_VERSION);
  app.footer(
      "Run 'shopkeep COMMAND --help' for a command's options. Global options go before or after\n"
      "the command. Exit codes: 0 ok, 1 runtime failure, 2 usage, 3 auth, 4 partial, 5 audit threshold.");
  app.fallthrough();  // global options may come after the subcommand
  cmd::GlobalOptions globals;
  add_global_options(app, globals);
  cmd::Registry registry;
  for (const auto& command : cmd::command_table()) command.setup(app, registry);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e);
  }
  try {
    const cmd::Runner* run = registry.chosen(app);
    if (run == nullptr) return report(cmd::missing_command_message(app), "", ExitCode::usage);
    cmd::Context context(globals);
    (*run)(context);
    std::cout.flush();
    return 0;
  } catch (const Error& e) {
    return report(e.what(), e.hint(), e.code());
  } catch (const std::exception& e) {
    return report(e.what(), "", ExitCode::runtime);
  }
}
