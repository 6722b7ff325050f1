// The bash script: a few lookup functions generated from the tree (subcommands, options and
// option values per command path) and one fixed completion function that walks COMP_WORDS.
#include <fmt/format.h>

#include "cli/completion.hpp"
#include "cli/shell_words.hpp"

namespace shopkeep::cli {

namespace {

// What the script offers for a value: words, "@list words" (comma-separated), "@file", "@dir",
// or nothing for free text.
std::string value_words(ValueKind kind, const std::vector<std::string>& values, bool list) {
  if (kind == ValueKind::file) return "@file";
  if (kind == ValueKind::dir) return "@dir";
  if (values.empty()) return "";
  return (list ? "@list " : "") + join_words(values);
}

std::string case_line(const std::string& pattern, const std::string& body) {
  return fmt::format("    {}) {} ;;\n", pattern, body);
}

std::string subcommands_function(const CommandSpec& root) {
  std::string cases;
  for (const auto* c : all_commands(root)) {
    if (c->subcommands.empty()) continue;
    std::vector<std::string> names;
    for (const auto& s : c->subcommands) names.push_back(s.name);
    cases += case_line(sh_quote(path_key(c->path)), "echo " + sh_quote(join_words(names)));
  }
  return "# _shopkeep_subcommands PATH: the commands under PATH (\"\" is the top level).\n"
         "_shopkeep_subcommands() {\n  case $1 in\n" +
         cases + "  esac\n}\n";
}

std::string options_function(const CommandSpec& root) {
  std::vector<std::string> globals;
  for (const auto* o : global_options(root)) globals.insert(globals.end(), o->names.begin(), o->names.end());
  std::string cases;
  for (const auto* c : all_commands(root)) {
    std::vector<std::string> names;
    for (const auto& o : c->options)
      if (!o.global) names.insert(names.end(), o.names.begin(), o.names.end());
    names.push_back("$globals");
    cases += case_line(sh_quote(path_key(c->path)), "echo \"" + join_words(names) + "\"");
  }
  return "# _shopkeep_options PATH: the options of the command at PATH, the global ones included.\n"
         "_shopkeep_options() {\n  local globals=" +
         sh_quote(join_words(globals)) + "\n  case $1 in\n" + cases + "  esac\n}\n";
}

std::string option_values_function(const CommandSpec& root) {
  std::string cases;
  // Patterns match "PATH OPTION": 'sync --since', or *' --db' for a global option.
  auto add = [&](const std::string* path, const OptionSpec& o) {
    std::vector<std::string> patterns;
    for (const auto& n : o.names) patterns.push_back(path ? sh_quote(*path + " " + n) : "*" + sh_quote(" " + n));
    std::string words = value_words(o.kind, o.values, o.list);
    cases += case_line(join_words(patterns, "|"), words.empty() ? ":" : "echo " + sh_quote(words));
  };
  // A command's own option first: it wins over a global one of the same name.
  for (const auto* c : all_commands(root))
    for (const auto& o : c->options)
      if (o.takes_value() && !o.global) {
        std::string path = path_key(c->path);
        add(&path, o);
      }
  for (const auto* o : global_options(root))
    if (o->takes_value()) add(nullptr, *o);
  return "# _shopkeep_option_values PATH OPTION: what OPTION's value may be (words, '@list' words,\n"
         "# @file, @dir, or nothing for free text); fails when OPTION takes no value.\n"
         "_shopkeep_option_values() {\n  case \"$1 $2\" in\n" +
         cases + "    *) return 1 ;;\n  esac\n}\n";
}

std::string argument_values_function(const CommandSpec& root) {
  std::string cases;
  for (const auto* c : all_commands(root)) {
    if (c->arguments.empty()) continue;
    const auto& a = c->arguments.front();  // every command has at most one kind of argument
    std::string words = value_words(a.kind, a.values, false);
    if (!words.empty()) cases += case_line(sh_quote(path_key(c->path)), "echo " + sh_quote(words));
  }
  return "# _shopkeep_argument_values PATH: what an argument of the command at PATH may be.\n"
         "_shopkeep_argument_values() {\n  case $1 in\n" +
         cases + "  esac\n}\n";
}

// The fixed part: fills COMPREPLY from the lookups above.
constexpr const char* kCompletionFunction =
    R"sh(# _shopkeep_reply VALUES CUR: COMPREPLY from what _shopkeep_option_values prints.
_shopkeep_reply() {
  local values=$1 cur=$2 prefix=''
  case $values in
    @file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    @dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    '@list '*)
      [[ $cur == *,* ]] && prefix=${cur%,*},
      COMPREPLY=($(compgen -P "$prefix" -W "${values#@list }" -- "${cur##*,}")) ;;
    *) COMPREPLY=($(compgen -W "$values" -- "$cur")) ;;
  esac
}

_shopkeep() {
  local cur=${COMP_WORDS[COMP_CWORD]} path='' word option='' values i
  COMPREPLY=()
  # The command path: the words that name commands, skipping options and their values
  # (bash splits --option=value into three words at the '=').
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word == -* ]]; then
      if [[ ${COMP_WORDS[i + 1]} == = ]]; then
        ((i += 2))
      elif _shopkeep_option_values "$path" "$word" >/dev/null; then
        ((i++))
      fi
    elif [[ " $(_shopkeep_subcommands "$path") " == *" $word "* ]]; then
      path=${path:+$path }$word
    fi
  done
  if [[ $cur == = ]]; then
    option=${COMP_WORDS[COMP_CWORD - 1]} cur=''
  elif ((COMP_CWORD > 1)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} == = ]]; then
    option=${COMP_WORDS[COMP_CWORD - 2]}
  elif ((COMP_CWORD > 1)); then
    option=${COMP_WORDS[COMP_CWORD - 1]}
  fi
  if [[ $option == -* ]] && values=$(_shopkeep_option_values "$path" "$option"); then
    _shopkeep_reply "$values" "$cur"
  elif [[ $cur == -* ]]; then
    _shopkeep_reply "$(_shopkeep_options "$path")" "$cur"
  elif values=$(_shopkeep_subcommands "$path") && [[ -n $values ]]; then
    _shopkeep_reply "$values" "$cur"
  else
    _shopkeep_reply "$(_shopkeep_argument_values "$path")" "$cur"
  fi
  return 0
}
complete -F _shopkeep shopkeep
)sh";

}  // namespace

std::string bash_completion(const CommandSpec& root, const std::string& version) {
  return fmt::format(
             "# bash completion for shopkeep {}, written by `shopkeep completion bash` from its commands.\n"
             "# Install: shopkeep completion bash > ~/.local/share/bash-completion/completions/shopkeep\n"
             "# (or source it from ~/.bashrc). Installed packages put it in\n"
             "# PREFIX/share/bash-completion/completions/shopkeep.\n\n",
             version) +
         subcommands_function(root) + "\n" + options_function(root) + "\n" + option_values_function(root) + "\n" +
         argument_values_function(root) + "\n" + kCompletionFunction;
}

}  // namespace shopkeep::cli
