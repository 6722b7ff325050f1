#pragma once
// A plain description of the command tree: commands, their options and arguments, the values a
// shell may offer for them. cmd/ builds it from the CLI11 app (the one source of the help text);
// the shell completions, the man pages and the command reference are all written from it.
#include <string>
#include <vector>

namespace shopkeep::cli {

// What an option's or argument's value is, for a shell to complete it.
enum class ValueKind { none, text, file, dir };

struct OptionSpec {
  std::vector<std::string> names;  // "-q", "--quiet": short names first
  std::string value_name;          // "TEXT", "PATH", "FLOAT"...; empty for a flag
  std::string description;
  std::string default_value;        // empty when there is none
  std::vector<std::string> values;  // what a shell offers: the accepted or usual values
  ValueKind kind = ValueKind::none;
  bool list = false;    // a comma-separated list of values
  bool global = false;  // accepted by every command (the root's options but --help and --version)
  bool repeatable = false;
  bool required = false;

  bool takes_value() const { return kind != ValueKind::none; }
};

struct ArgumentSpec {
  std::string name;  // "SOURCE", "FILE"
  std::string description;
  std::vector<std::string> values;
  ValueKind kind = ValueKind::text;
  bool required = false;
  bool many = false;  // takes any number of words
};

struct CommandSpec {
  std::string name;               // "shopkeep" for the root, else "sync", "rules"...
  std::vector<std::string> path;  // the words after "shopkeep": {} for the root, {"recommend", "rules"}
  std::string description;
  std::string footer;
  std::vector<OptionSpec> options;  // its own; the root's include the global ones
  std::vector<ArgumentSpec> arguments;
  std::vector<CommandSpec> subcommands;
  bool needs_subcommand = false;  // does nothing by itself ("shopkeep customers")

  std::string full_name() const;  // "shopkeep recommend rules"
  std::string synopsis() const;   // "shopkeep recommend rules [OPTIONS]", as --help's usage line
};

// Every command of the tree, depth first, the root first.
std::vector<const CommandSpec*> all_commands(const CommandSpec& root);

// The global options (accepted by every command), from the root.
std::vector<const OptionSpec*> global_options(const CommandSpec& root);

}  // namespace shopkeep::cli
