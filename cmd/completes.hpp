#pragma once
// The values a shell completion offers for an option or argument, attached to the option itself
// so that `shopkeep completion` reads them from the one place they are defined:
//   cmd->add_option("--by", flags->by, "...")->check(completes(analytics::period_kind_names()));
// It never rejects a value (the command validates, with its own messages) and adds nothing to
// --help. A CLI::IsMember check is read the same way.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace shopkeep::cmd {

CLI::Validator completes(const std::vector<std::string>& values);

// The values of the option's `completes` validator, else of its IsMember check; empty when it has
// neither.
std::vector<std::string> completion_values(CLI::Option& option);

}  // namespace shopkeep::cmd
