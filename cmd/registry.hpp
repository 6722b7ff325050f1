#pragma once
// The command table: every command once, with its name, its one-line summary and the setup
// function of its file, which binds the command's options and registers what to run.
#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <vector>

#include "context.hpp"

namespace shopkeep::cmd {

using Runner = std::function<void(Context&)>;

class Registry {
 public:
  void on_run(CLI::App* command, Runner runner) { runners_[command] = std::move(runner); }
  bool runs(const CLI::App* command) const { return runners_.count(command) > 0; }
  // The runner of the most deeply nested command that was parsed, or nullptr.
  const Runner* chosen(CLI::App& root) const;

 private:
  std::map<const CLI::App*, Runner> runners_;
};

// A setup function receives its command, already named and described, to add its options (and
// subcommands) to and to register its runner(s) with.
using Setup = void (*)(CLI::App& command, Registry& registry);

struct CommandDef {
  const char* name;
  const char* summary;
  Setup setup;
};

// Every command, in the order `--help` lists them. Register only commands that work.
const std::vector<CommandDef>& command_table();

// One setup function per command file.
void setup_init(CLI::App& command, Registry& registry);
void setup_sync(CLI::App& command, Registry& registry);
void setup_import(CLI::App& command, Registry& registry);
void setup_status(CLI::App& command, Registry& registry);
void setup_sql(CLI::App& command, Registry& registry);
void setup_audit(CLI::App& command, Registry& registry);
void setup_kpi(CLI::App& command, Registry& registry);
void setup_customers(CLI::App& command, Registry& registry);
void setup_customer(CLI::App& command, Registry& registry);
void setup_recommend(CLI::App& command, Registry& registry);
void setup_carts(CLI::App& command, Registry& registry);
void setup_support(CLI::App& command, Registry& registry);
void setup_email(CLI::App& command, Registry& registry);
void setup_restock(CLI::App& command, Registry& registry);
void setup_brief(CLI::App& command, Registry& registry);
void setup_report(CLI::App& command, Registry& registry);
void setup_demo(CLI::App& command, Registry& registry);
void setup_completion(CLI::App& command, Registry& registry);
// Hidden, for the build and packagers (cmake/generate_docs.cmake, scripts/update-docs).
void setup_man(CLI::App& command, Registry& registry);
void setup_reference(CLI::App& command, Registry& registry);
void setup_data_dir(CLI::App& command, Registry& registry);

}  // namespace shopkeep::cmd
