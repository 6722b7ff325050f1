#include "cli.hpp"

#include <CLI/CLI.hpp>

#include "completes.hpp"
#include "core/error.hpp"
#include "output/format.hpp"
#include "registry.hpp"
#include "suggest.hpp"

namespace shopkeep::cmd {

namespace {

void add_global_options(CLI::App& app, GlobalOptions& g) {
  const std::string group = "Global options";
  app.add_option("--db", g.db, "SQLite store (env SHOPKEEP_DB)")->group(group)->type_name("PATH");
  app.add_option("--config", g.config, "TOML config file (env SHOPKEEP_CONFIG)")->group(group)->type_name("PATH");
  app.add_option("--format", g.format, "output: table, json, ndjson, csv")
      ->group(group)
      ->check(completes(output::format_names()));
  app.add_flag("--json", g.json, "short for --format json")->group(group);
  app.add_option("--now", g.now, "RFC 3339 instant used as now (env SHOPKEEP_NOW)")->group(group);
  app.add_flag("-q,--quiet", g.quiet, "nothing on stderr but errors")->group(group);
  app.add_flag("-v,--verbose", g.verbose, "more diagnostics on stderr")->group(group);
  app.add_flag("--no-progress", g.no_progress, "no progress bars")->group(group);
  app.add_flag("--no-pager", g.no_pager, "never page long tables (also SHOPKEEP_PAGER=cat)")->group(group);
  app.add_option("--fields", g.fields, "only these fields, comma-separated, in this order (every format)")
      ->delimiter(',')
      ->group(group);
}

int report(std::ostream& err, const std::string& message, const std::string& hint, ExitCode code) {
  // A message may quote data (a name, a value from a file): its control characters are shown, not run.
  err << "shopkeep: error: " << output::visible_text(message, true);
  if (!hint.empty()) err << ": " << output::visible_text(hint, true);
  err << '\n';
  return static_cast<int>(code);
}

int report_parse_error(CLI::App& app, const CLI::ParseError& e, IoStreams io) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e, io.out, io.err);
  auto text = describe_parse_error(app, e);
  return report(io.err, text.message, text.hint, ExitCode::usage);
}

// `shopkeep help [COMMAND...]` is `shopkeep [COMMAND...] --help`; `shopkeep version` is --version.
std::vector<std::string> with_help_words(const std::vector<std::string>& args) {
  if (args.empty()) return {"--help"};
  if (args.front() == "version" && args.size() == 1) return {"--version"};
  if (args.front() != "help") return args;
  std::vector<std::string> rewritten(args.begin() + 1, args.end());
  rewritten.push_back("--help");
  return rewritten;
}

void build_app(CLI::App& app, GlobalOptions& globals, Registry& registry) {
  app.set_version_flag("--version", "shopkeep " SHOPKEEP_VERSION);
  app.footer(
      "Run 'shopkeep help COMMAND' (or 'shopkeep COMMAND --help') for a command's options; 'shopkeep\n"
      "version' for the version. Global options go before or after the command. Exit codes: 0 ok,\n"
      "1 runtime failure, 2 usage, 3 auth, 4 partial, 5 audit threshold.");
  app.fallthrough();  // global options may come after the subcommand
  add_global_options(app, globals);
  for (const auto& command : command_table())
    command.setup(*app.add_subcommand(command.name, command.summary), registry);
}

}  // namespace

int run_cli(const std::vector<std::string>& args, IoStreams io) {
  CLI::App app{
      "shopkeep: your shop's Shopify and Zendesk data in one local SQLite store,\n"
      "turned into audits, KPIs, customer value, cart recovery, recommendations and emails.",
      "shopkeep"};
  GlobalOptions globals;
  Registry registry;
  build_app(app, globals, registry);
  try {
    auto words = with_help_words(args);
    std::vector<std::string> reversed(words.rbegin(), words.rend());  // CLI11 takes the arguments last first
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e, io);
  }
  try {
    const Runner* run = registry.chosen(app);
    if (run == nullptr) {  // a command that only groups others ("shopkeep customers"): its help
      CLI::App* at = innermost(app);
      io.out << at->help();
      return 0;
    }
    Context context(globals, io);
    try {
      (*run)(context);
    } catch (...) {
      try {
        context.finish();  // what was written before the error is still shown
      } catch (...) {
      }
      throw;
    }
    context.finish();
    return 0;
  } catch (const Error& e) {
    return report(io.err, e.what(), e.hint(), e.code());
  } catch (const std::exception& e) {
    return report(io.err, e.what(), "", ExitCode::runtime);
  }
}

}  // namespace shopkeep::cmd
