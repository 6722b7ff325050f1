// The zsh script: one _arguments function per command, subcommands dispatched through ->command
// states, the global options in every one of them (they are accepted after the command too).
#include <fmt/format.h>

#include "cli/completion.hpp"
#include "cli/shell_words.hpp"

namespace shopkeep::cli {

namespace {

// Inside an _arguments spec: the [explanation] must not hold an unescaped bracket or colon.
std::string explanation(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

// A word of a (a b c) value list: spaces and parentheses escaped.
std::string list_word(const std::string& word) {
  std::string out;
  for (char c : word) {
    if (c == ' ' || c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The ":message:action" part of an option or argument.
std::string value_action(const std::string& message, ValueKind kind, const std::vector<std::string>& values,
                         bool list) {
  std::string action = " ";  // a lone space: show the message, offer nothing
  if (kind == ValueKind::file) {
    action = "_files";
  } else if (kind == ValueKind::dir) {
    action = "_files -/";
  } else if (!values.empty()) {
    std::vector<std::string> words;
    for (const auto& v : values) words.push_back(list_word(v));
    action = list ? "_values -s , " + message + " " + join_words(words) : "(" + join_words(words) + ")";
  }
  return ":" + message + ":" + action;
}

std::string option_spec(const OptionSpec& o) {
  std::string names = o.names.size() == 1 ? o.names.front() : "{" + join_words(o.names, ",") + "}";
  std::string exclusion = o.names.size() > 1 ? sh_quote("(" + join_words(o.names) + ")") : "";
  std::string repeat = o.repeatable ? "'*'" : "";
  std::string spec = explanation(o.description);
  if (!o.takes_value()) return exclusion + repeat + names + sh_quote("[" + spec + "]");
  // -k+ and --name= take the value in the same word or the next one.
  std::string name_part;
  if (o.names.size() == 1) {
    name_part = o.names.front() + (o.names.front().size() == 2 ? "+" : "=");
  } else {
    std::vector<std::string> forms;
    for (const auto& n : o.names) forms.push_back(n + (n.size() == 2 ? "+" : "="));
    name_part = "{" + join_words(forms, ",") + "}";
  }
  std::string message = o.value_name.empty() ? "value" : o.value_name;
  return exclusion + repeat + name_part + sh_quote("[" + spec + "]" + value_action(message, o.kind, o.values, o.list));
}

std::string function_name(const CommandSpec& c) {
  std::string name = "_shopkeep";
  for (const auto& word : c.path) {
    name += "__";
    for (char ch : word) name += ch == '-' ? '_' : ch;
  }
  return name;
}

// "shopkeep-recommend": the completion context of a command's arguments (for zstyle).
std::string context_name(const CommandSpec& c) {
  std::string name = "shopkeep";
  for (const auto& word : c.path) name += "-" + word;
  return name;
}

std::string command_function(const CommandSpec& c) {
  std::vector<std::string> specs = {"$_shopkeep_globals"};
  for (const auto& o : c.options)
    if (!o.global) specs.push_back(option_spec(o));
  for (const auto& a : c.arguments) {
    std::string message = a.name;
    specs.push_back(sh_quote((a.many ? "*" : "1") + value_action(message, a.kind, a.values, false)));
  }
  std::string body;
  if (c.subcommands.empty()) {
    body = "  _arguments -s -S \\\n    " + join_words(specs, " \\\n    ") + "\n";
  } else {
    std::string described, dispatch;
    for (const auto& s : c.subcommands) {
      described += "    " + sh_quote(s.name + ":" + s.description) + "\n";
      dispatch += fmt::format("        {}) {} && ret=0 ;;\n", s.name, function_name(s));
    }
    specs.push_back("'1: :->command'");
    specs.push_back("'*:: :->argument'");
    body = fmt::format(
        "  local curcontext=$curcontext state state_descr line ret=1\n"
        "  typeset -A opt_args\n"
        "  local -a commands=(\n{}  )\n"
        "  _arguments -C -s -S \\\n    {} && ret=0\n"
        "  case $state in\n"
        "    command) _describe -t commands '{} command' commands && ret=0 ;;\n"
        "    argument)\n"
        "      curcontext=${{curcontext%:*:*}}:{}-$line[1]:\n"
        "      case $line[1] in\n{}      esac ;;\n"
        "  esac\n"
        "  return ret\n",
        described, join_words(specs, " \\\n    "), c.full_name(), context_name(c), dispatch);
  }
  return fmt::format("{}() {{\n{}}}\n", function_name(c), body);
}

}  // namespace

std::string zsh_completion(const CommandSpec& root, const std::string& version) {
  std::string globals;
  for (const auto* o : global_options(root)) globals += "  " + option_spec(*o) + "\n";
  std::string functions;
  for (const auto* c : all_commands(root)) functions += "\n" + command_function(*c);
  return fmt::format(
      "#compdef shopkeep\n"
      "# zsh completion for shopkeep {}, written by `shopkeep completion zsh` from its commands.\n"
      "# Install: shopkeep completion zsh > ~/.zfunc/_shopkeep, with fpath+=(~/.zfunc) before compinit\n"
      "# in ~/.zshrc. Installed packages put it in PREFIX/share/zsh/site-functions/_shopkeep.\n\n"
      "# Accepted by every command, before or after its name.\n"
      "_shopkeep_globals=(\n{})\n{}\n"
      "if [[ $funcstack[1] == _shopkeep ]]; then\n"
      "  _shopkeep \"$@\"\n"
      "else\n"
      "  compdef _shopkeep shopkeep\n"
      "fi\n",
      version, globals, functions);
}

}  // namespace shopkeep::cli
