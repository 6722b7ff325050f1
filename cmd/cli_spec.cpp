#include "cli_spec.hpp"

#include "completes.hpp"

namespace shopkeep::cmd {

namespace {

// "TEXT:{a,b}" (a type with a validator's description) -> "TEXT".
std::string bare_type_name(const CLI::Option& option) {
  std::string name = option.get_type_name();
  return name.substr(0, name.find(':'));
}

// File and folder values are named so in --help (->type_name("PATH") or a FILE argument).
cli::ValueKind kind_of(const std::string& value_name) {
  if (value_name == "PATH" || value_name == "FILE") return cli::ValueKind::file;
  if (value_name == "DIR") return cli::ValueKind::dir;
  return cli::ValueKind::text;
}

cli::OptionSpec describe_option(CLI::Option& option, bool global) {
  cli::OptionSpec spec;
  for (const auto& s : option.get_snames()) spec.names.push_back("-" + s);
  for (const auto& l : option.get_lnames()) spec.names.push_back("--" + l);
  spec.description = option.get_description();
  spec.default_value = option.get_default_str();
  spec.global = global;
  spec.required = option.get_required();
  if (option.get_expected_max() != 0) {  // flags expect no value
    spec.value_name = bare_type_name(option);
    spec.kind = kind_of(spec.value_name);
    spec.values = completion_values(option);
    spec.list = option.get_delimiter() == ',';
    spec.repeatable = option.get_expected_max() > 1;
  }
  return spec;
}

cli::ArgumentSpec describe_argument(CLI::Option& option) {
  cli::ArgumentSpec spec;
  spec.name = option.get_name(true);
  spec.description = option.get_description();
  spec.values = completion_values(option);
  spec.kind = kind_of(spec.name);
  spec.required = option.get_required();
  spec.many = option.get_expected_max() > 1;
  return spec;
}

cli::CommandSpec describe(CLI::App& app, const Registry& registry, std::vector<std::string> path) {
  cli::CommandSpec spec;
  bool root = path.empty();
  spec.name = root ? "shopkeep" : app.get_name();
  spec.path = path;
  spec.description = app.get_description();
  // CLI11 gives a subcommand its parent's footer unless it sets its own: that one is the parent's.
  spec.footer = app.get_footer();
  if (!root && spec.footer == app.get_parent()->get_footer()) spec.footer.clear();
  for (CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    if (option->get_positional()) {
      spec.arguments.push_back(describe_argument(*option));
      continue;
    }
    bool own = option == app.get_help_ptr() || option == app.get_version_ptr();
    spec.options.push_back(describe_option(*option, root && !own));
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group().empty()) continue;  // hidden
    auto sub_path = path;
    sub_path.push_back(sub->get_name());
    spec.subcommands.push_back(describe(*sub, registry, sub_path));
  }
  spec.needs_subcommand = !spec.subcommands.empty() && !registry.runs(&app);
  return spec;
}

}  // namespace

cli::CommandSpec describe_commands(CLI::App& root, const Registry& registry) { return describe(root, registry, {}); }

}  // namespace shopkeep::cmd
