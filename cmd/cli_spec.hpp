#pragma once
// The CLI11 app as a plain command tree (lib/cli/command_spec.hpp), for completions and man pages.
#include <CLI/CLI.hpp>

#include "cli/command_spec.hpp"
#include "registry.hpp"

namespace shopkeep::cmd {

// Every visible command under `root` (hidden ones, in the empty group, are left out), with its
// options, arguments and the values `completes` or IsMember attach to them.
cli::CommandSpec describe_commands(CLI::App& root, const Registry& registry);

}  // namespace shopkeep::cmd
