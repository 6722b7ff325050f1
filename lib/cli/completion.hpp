#pragma once
// Shell completion scripts written from the command tree: commands, options, and the values of
// options and arguments that have them (`shopkeep completion bash|zsh|fish`).
#include <string>

#include "cli/command_spec.hpp"

namespace shopkeep::cli {

// Each is a whole script; `version` goes into its header comment.
std::string bash_completion(const CommandSpec& root, const std::string& version);
std::string zsh_completion(const CommandSpec& root, const std::string& version);
std::string fish_completion(const CommandSpec& root, const std::string& version);

}  // namespace shopkeep::cli
