#include "suggest.hpp"

#include <algorithm>

#include "core/closest_match.hpp"

namespace shopkeep::cmd {

namespace {

// Every --long flag `at` accepts, its own and the global ones.
std::vector<std::string> flags_of(CLI::App& root, CLI::App* at) {
  std::vector<std::string> names;
  for (CLI::App* app : {at, &root})
    for (const auto* option : app->get_options())
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
  return names;
}

std::vector<std::string> commands_of(CLI::App* at) {
  std::vector<std::string> names;
  for (const auto* sub : at->get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

ParseErrorText unexpected_argument(CLI::App& app, CLI::App* at, const std::string& path) {
  auto extras = at->remaining();
  if (extras.empty()) extras = app.remaining();
  std::string typed = extras.empty() ? "" : extras.front();
  std::string help = "see '" + path + " --help'";
  if (typed.rfind("-", 0) == 0) {
    std::string flag = typed.substr(0, typed.find('='));
    std::string match = closest_match(flag, flags_of(app, at));
    return {"unknown flag '" + flag + "' for '" + path + "'",
            match.empty() ? help : "did you mean '" + match + "'? (" + help + ")"};
  }
  auto commands = commands_of(at);
  if (commands.empty()) return {"unexpected argument '" + typed + "' for '" + path + "'", help};
  std::string match = closest_match(typed, commands);
  return {"unknown command '" + typed + "' for '" + path + "'",
          match.empty() ? help : "did you mean '" + match + "'? (" + help + ")"};
}

}  // namespace

std::string closest_match(std::string_view typed, const std::vector<std::string>& candidates) {
  std::vector<std::string_view> names(candidates.begin(), candidates.end());
  return shopkeep::closest_match(typed, names, std::max<size_t>(2, typed.size() / 3));
}

CLI::App* innermost(CLI::App& app) {
  CLI::App* current = &app;
  for (;;) {
    auto subs = current->get_subcommands();
    if (subs.empty()) return current;
    current = subs.front();
  }
}

std::string command_path(CLI::App& app, const CLI::App* at) {
  std::vector<std::string> names;
  for (const CLI::App* a = at; a != nullptr && a != &app; a = a->get_parent()) names.push_back(a->get_name());
  std::string path = "shopkeep";
  for (auto it = names.rbegin(); it != names.rend(); ++it) path += " " + *it;
  return path;
}

ParseErrorText describe_parse_error(CLI::App& app, const CLI::ParseError& error) {
  CLI::App* at = innermost(app);
  std::string path = command_path(app, at);
  std::string help = "see '" + path + " --help'";
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) return unexpected_argument(app, at, path);
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    std::string what = error.what();
    auto is_required = what.find(" is required");
    if (is_required != std::string::npos) return {path + " needs " + what.substr(0, is_required), help};
    return {what, help};
  }
  if (auto* e = dynamic_cast<const CLI::ConversionError*>(&error)) return {e->what(), help};
  return {error.what(), help};
}

}  // namespace shopkeep::cmd
