// The fish script: `complete` lines conditioned on the command path typed so far, which one helper
// function works out from the command line with the lists generated here.
#include <fmt/format.h>

#include "cli/completion.hpp"
#include "cli/shell_words.hpp"

namespace shopkeep::cli {

namespace {

// The fixed helpers. __shopkeep_path prints the command path ("" at the top level);
// __shopkeep_at PATH tests it; __shopkeep_list VALUES... completes a comma-separated list.
constexpr const char* kHelpers = R"fish(function __shopkeep_path
    set -l words (commandline -opc)
    set -e words[1]
    set -l path
    set -l skip 0
    for word in $words
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $word
            case '--*=*'
            case '-*'
                if contains -- $word $__shopkeep_global_value_options
                    or contains -- (string join -- ' ' $path $word) $__shopkeep_value_options
                    set skip 1
                end
            case '*'
                if contains -- (string join -- ' ' $path $word) $__shopkeep_commands
                    set -a path $word
                end
        end
    end
    echo (string join ' ' $path)
end

function __shopkeep_at
    test (__shopkeep_path) = "$argv"
end

function __shopkeep_list
    set -l token (commandline -ct)
    set -l prefix (string replace -r '[^,]*$' '' -- $token)
    for value in $argv
        echo $prefix$value
    end
end
)fish";

std::string condition(const CommandSpec& c) { return fish_quote("__shopkeep_at " + fish_quote(path_key(c.path))); }

// The value part of a `complete` line: -r with files, folders or the listed values.
std::string value_flags(ValueKind kind, const std::vector<std::string>& values, bool list) {
  if (kind == ValueKind::file) return " -r -F";
  if (kind == ValueKind::dir) return " -x -a '(__fish_complete_directories)'";
  if (values.empty()) return " -x";
  if (list) return " -x -a " + fish_quote("(__shopkeep_list " + join_words(values) + ")");
  return " -x -a " + fish_quote(join_words(values));
}

std::string option_line(const OptionSpec& o, const std::string& when) {
  std::string line = "complete -c shopkeep" + when;
  for (const auto& n : o.names) {
    if (n.rfind("--", 0) == 0)
      line += " -l " + n.substr(2);
    else
      line += " -s " + n.substr(1);
  }
  if (o.takes_value()) line += value_flags(o.kind, o.values, o.list);
  return line + " -d " + fish_quote(o.description) + "\n";
}

std::string command_lines(const CommandSpec& c) {
  std::string when = " -n " + condition(c);
  std::string out = "\n# " + c.full_name() + "\n";
  for (const auto& o : c.options)
    if (!o.global) out += option_line(o, when);
  for (const auto& s : c.subcommands)
    out += "complete -c shopkeep" + when + " -a " + fish_quote(s.name) + " -d " + fish_quote(s.description) + "\n";
  for (const auto& a : c.arguments) {
    if (a.kind == ValueKind::file)
      out += "complete -c shopkeep" + when + " -F\n";
    else if (!a.values.empty())
      out += "complete -c shopkeep" + when + " -a " + fish_quote(join_words(a.values)) + " -d " + fish_quote(a.name) +
             "\n";
  }
  return out;
}

}  // namespace

std::string fish_completion(const CommandSpec& root, const std::string& version) {
  std::vector<std::string> commands, value_options, global_value_options;
  for (const auto* c : all_commands(root)) {
    if (!c->path.empty()) commands.push_back(fish_quote(path_key(c->path)));
    for (const auto& o : c->options)
      if (o.takes_value() && !o.global)
        for (const auto& n : o.names) value_options.push_back(fish_quote(join_words({path_key(c->path), n})));
  }
  for (const auto* o : global_options(root))
    if (o->takes_value())
      for (const auto& n : o->names) global_value_options.push_back(fish_quote(n));
  std::string out = fmt::format(
      "# fish completion for shopkeep {}, written by `shopkeep completion fish` from its commands.\n"
      "# Install: shopkeep completion fish > ~/.config/fish/completions/shopkeep.fish\n"
      "# Installed packages put it in PREFIX/share/fish/vendor_completions.d/shopkeep.fish.\n\n"
      "set -g __shopkeep_commands {}\n"
      "set -g __shopkeep_value_options {}\n"
      "set -g __shopkeep_global_value_options {}\n\n{}\n"
      "# No file names unless an option or argument takes a file.\n"
      "complete -c shopkeep -f\n\n"
      "# Global options, accepted by every command.\n",
      version, join_words(commands), join_words(value_options), join_words(global_value_options), kHelpers);
  for (const auto* o : global_options(root)) out += option_line(*o, "");
  for (const auto* c : all_commands(root)) out += command_lines(*c);
  return out;
}

}  // namespace shopkeep::cli
