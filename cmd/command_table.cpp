#include "registry.hpp"

namespace shopkeep::cmd {

const Runner* Registry::chosen(CLI::App& root) const {
  const Runner* found = nullptr;
  CLI::App* app = &root;
  for (;;) {
    auto it = runners_.find(app);
    if (it != runners_.end()) found = &it->second;
    auto subs = app->get_subcommands();
    if (subs.empty()) return found;
    app = subs.front();
  }
}

const std::vector<CommandDef>& command_table() {
  static const std::vector<CommandDef> table = {
      {"init", setup_init},         {"sync", setup_sync},
      {"import", setup_import},     {"status", setup_status},
      {"sql", setup_sql},           {"audit", setup_audit},
      {"kpi", setup_kpi},           {"customers", setup_customers},
      {"customer", setup_customer}, {"recommend", setup_recommend},
      {"carts", setup_carts},       {"support", setup_support},
      {"demo", setup_demo},
  };
  return table;
}

}  // namespace shopkeep::cmd
