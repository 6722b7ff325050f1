#include "cli/command_spec.hpp"

namespace shopkeep::cli {

namespace {

void collect(const CommandSpec& command, std::vector<const CommandSpec*>& out) {
  out.push_back(&command);
  for (const auto& sub : command.subcommands) collect(sub, out);
}

std::string argument_usage(const ArgumentSpec& a) {
  std::string word = a.name + (a.many ? "..." : "");
  return a.required ? word : "[" + word + "]";
}

}  // namespace

std::string CommandSpec::full_name() const {
  std::string full = "shopkeep";
  for (const auto& word : path) full += " " + word;
  return full;
}

std::string CommandSpec::synopsis() const {
  std::string text = full_name();
  if (!options.empty() || !path.empty()) text += " [OPTIONS]";
  for (const auto& a : arguments) text += " " + argument_usage(a);
  if (!subcommands.empty()) text += needs_subcommand ? " COMMAND" : " [COMMAND]";
  return text;
}

std::vector<const CommandSpec*> all_commands(const CommandSpec& root) {
  std::vector<const CommandSpec*> out;
  collect(root, out);
  return out;
}

std::vector<const OptionSpec*> global_options(const CommandSpec& root) {
  std::vector<const OptionSpec*> out;
  for (const auto& o : root.options)
    if (o.global) out.push_back(&o);
  return out;
}

}  // namespace shopkeep::cli
