#pragma once
// The command table: each command file contributes a setup function that adds its subcommand to
// the CLI11 app, binds its options and registers what to run when it is chosen.
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
  // The runner of the most deeply nested command that was parsed, or nullptr.
  const Runner* chosen(CLI::App& root) const;

 private:
  std::map<const CLI::App*, Runner> runners_;
};

struct CommandDef {
  const char* name;
  void (*setup)(CLI::App& root, Registry& registry);
};

// Every command, in the order `--help` lists them. Register only commands that work.
const std::vector<CommandDef>& command_table();

// One setup function per command file.
void setup_init(CLI::App& root, Registry& registry);
void setup_import(CLI::App& root, Registry& registry);
void setup_status(CLI::App& root, Registry& registry);
void setup_sql(CLI::App& root, Registry& registry);
void setup_customer(CLI::App& root, Registry& registry);
void setup_carts(CLI::App& root, Registry& registry);
void setup_demo(CLI::App& root, Registry& registry);
void setup_customers(CLI::App& root, Registry& registry);
void setup_kpi(CLI::App& root, Registry& registry);
void setup_audit(CLI::App& root, Registry& registry);
void setup_recommend(CLI::App& root, Registry& registry);
void setup_sync(CLI::App& root, Registry& registry);
void setup_support(CLI::App& root, Registry& registry);

}  // namespace shopkeep::cmd
