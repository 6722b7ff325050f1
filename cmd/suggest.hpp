#pragma once
// CLI11's parse errors in shopkeep's own words, with "did you mean" for a mistyped command or flag
// (as git and ninja do) and the help of the command at hand named in the hint.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace shopkeep::cmd {

// The candidate closest to `typed` by edit distance, or "" when none is close.
std::string closest_match(std::string_view typed, const std::vector<std::string>& candidates);

struct ParseErrorText {
  std::string message, hint;
};

// What went wrong and what to do, for a CLI11 parse error.
ParseErrorText describe_parse_error(CLI::App& app, const CLI::ParseError& error);

// The innermost command parsed so far ("shopkeep customers value" -> the value App).
CLI::App* innermost(CLI::App& app);

// "shopkeep customers value" for an App.
std::string command_path(CLI::App& app, const CLI::App* at);

}  // namespace shopkeep::cmd
