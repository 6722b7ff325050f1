// shopkeep completion bash|zsh|fish: the shell completion script, written from the command tree.
#include <memory>

#include "cli/completion.hpp"
#include "cli_spec.hpp"
#include "completes.hpp"
#include "core/error.hpp"
#include "registry.hpp"

namespace shopkeep::cmd {

namespace {

struct Shell {
  const char* name;
  std::string (*script)(const cli::CommandSpec&, const std::string&);
};

const std::vector<Shell>& shells() {
  static const std::vector<Shell> all = {
      {"bash", cli::bash_completion}, {"zsh", cli::zsh_completion}, {"fish", cli::fish_completion}};
  return all;
}

std::vector<std::string> shell_names() {
  std::vector<std::string> names;
  for (const auto& s : shells()) names.push_back(s.name);
  return names;
}

void run_completion(Context& ctx, CLI::App& root, const Registry& registry, const std::string& shell) {
  for (const auto& s : shells())
    if (shell == s.name) {
      ctx.out() << s.script(describe_commands(root, registry), SHOPKEEP_VERSION);
      return;
    }
  throw usage_error("unknown shell '" + shell + "'", "choose bash, zsh or fish");
}

}  // namespace

void setup_completion(CLI::App& command, Registry& registry) {
  auto shell = std::make_shared<std::string>();
  CLI::App& root = *command.get_parent();
  auto* cmd = &command;
  cmd->add_option("SHELL", *shell, "bash, zsh or fish")->required()->check(completes(shell_names()));
  cmd->footer(
      "Completes commands, options, and the values of options that have a fixed set (formats, periods,\n"
      "methods, check ids, resources, sources). Packages and `cmake --install` put the scripts where each\n"
      "shell finds them; to install one by hand:\n"
      "  shopkeep completion bash > ~/.local/share/bash-completion/completions/shopkeep\n"
      "  shopkeep completion zsh > ~/.zfunc/_shopkeep   # with fpath+=(~/.zfunc) before compinit\n"
      "  shopkeep completion fish > ~/.config/fish/completions/shopkeep.fish");
  registry.on_run(cmd, [&root, &registry, shell](Context& ctx) { run_completion(ctx, root, registry, *shell); });
}

}  // namespace shopkeep::cmd
