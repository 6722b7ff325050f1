#pragma once
// "Did you mean" for a mistyped subcommand, as git and ninja do.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace shopkeep::cmd {

// The candidate closest to `typed` by edit distance, or "" when none is close.
std::string closest_match(std::string_view typed, const std::vector<std::string>& candidates);

// A hint for a CLI11 parse error ("did you mean 'status'?"), or "".
std::string suggest_for_parse_error(CLI::App& app, const CLI::ParseError& error);

// "import needs a command: shopify, zendesk (see 'shopkeep import --help')" for a command
// that only groups others and was given none.
std::string missing_command_message(CLI::App& app);

}  // namespace shopkeep::cmd
