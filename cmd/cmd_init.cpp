// shopkeep init: write a commented config template (never overwrites) and create the store.
#include <sys/stat.h>

#include <fstream>

#include "core/error.hpp"
#include "registry.hpp"

namespace shopkeep::cmd {

namespace {

bool write_config_template(const std::filesystem::path& path) {
  if (std::filesystem::exists(path)) return false;
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  mode_t old_mask = ::umask(077);  // the config may come to hold secrets
  std::ofstream out(path);
  ::umask(old_mask);
  out << config_template();
  if (!out) throw runtime_error("cannot write config " + path.string());
  return true;
}

void run_init(Context& ctx) {
  auto config_path = ctx.config_path();
  bool created = write_config_template(config_path);
  auto store = ctx.create_store();
  output::Json result;
  result["config"] = config_path.string();
  result["config_created"] = created;
  result["store"] = ctx.store_path().string();
  if (ctx.format() == output::Format::table) {
    ctx.reporter().info(created ? "Wrote config template " + config_path.string()
                                : "Config " + config_path.string() + " already exists; left as it was");
    ctx.reporter().info("Store ready at " + ctx.store_path().string());
  } else {
    ctx.write_object(result);
  }
}

}  // namespace

void setup_init(CLI::App& command, Registry& registry) {
  auto* cmd = &command;
  cmd->footer(
      "Never overwrites an existing config. The config path is --config, SHOPKEEP_CONFIG or\n"
      "$XDG_CONFIG_HOME/shopkeep/config.toml.");
  registry.on_run(cmd, run_init);
}

}  // namespace shopkeep::cmd
