#include "cli/man_page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "cli/shell_words.hpp"

namespace shopkeep::cli {

namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string bold(const std::string& text) { return "\\fB" + roff_escape(text) + "\\fR"; }
std::string italic(const std::string& text) { return "\\fI" + roff_escape(text) + "\\fR"; }

// Help text was wrapped by hand for a terminal: prose lines become one filled paragraph; examples
// and indented lines (tables, continued examples) keep their layout.
bool literal_line(const std::string& line) {
  return line.empty() || std::isspace(static_cast<unsigned char>(line.front())) || line.rfind("Example", 0) == 0;
}

std::string paragraphs(const std::string& text) {
  std::string out;
  bool in_literal = false, in_prose = false;
  for (const auto& line : lines_of(text)) {
    if (line.empty()) {
      if (in_literal) out += ".fi\n";
      in_literal = in_prose = false;
      continue;
    }
    if (literal_line(line)) {
      if (!in_literal) out += ".PP\n.nf\n";
      in_literal = true;
      in_prose = false;
    } else {
      if (in_literal) out += ".fi\n";
      if (!in_prose) out += ".PP\n";
      in_prose = true;
      in_literal = false;
    }
    out += roff_escape(line) + "\n";
  }
  if (in_literal) out += ".fi\n";
  return out;
}

std::string option_entry(const OptionSpec& o) {
  std::vector<std::string> names;
  for (const auto& n : o.names) names.push_back(bold(n));
  std::string head = join_words(names, ", ");
  if (o.takes_value()) head += " " + italic(o.value_name);
  std::string body = roff_escape(o.description);
  if (!o.default_value.empty()) body += " (default: " + roff_escape(o.default_value) + ")";
  return ".TP\n" + head + "\n" + body + "\n";
}

std::string options_section(const std::string& title, const std::vector<const OptionSpec*>& options) {
  if (options.empty()) return "";
  std::string out = title;
  for (const auto* o : options) out += option_entry(*o);
  return out;
}

std::string arguments_section(const std::string& title, const CommandSpec& c) {
  if (c.arguments.empty()) return "";
  std::string out = title;
  for (const auto& a : c.arguments)
    out += ".TP\n" + italic(a.name) + (a.many ? "..." : "") + "\n" + roff_escape(a.description) + "\n";
  return out;
}

std::vector<const OptionSpec*> own_options(const CommandSpec& c) {
  std::vector<const OptionSpec*> out;
  for (const auto& o : c.options)
    if (!o.global) out.push_back(&o);
  return out;
}

std::string synopsis_line(const CommandSpec& c) { return ".br\n" + bold(c.synopsis()) + "\n"; }

// One subcommand inside its top-level command's page, and its own subcommands after it.
std::string subcommand_section(const CommandSpec& c) {
  std::string out = ".SS " + roff_escape(c.full_name()) + "\n" + bold(c.synopsis()) + "\n.PP\n" +
                    roff_escape(c.description) + "\n" + paragraphs(c.footer);
  out += arguments_section(".PP\nArguments:\n", c);
  out += options_section(".PP\nOptions:\n", own_options(c));
  for (const auto& s : c.subcommands) out += subcommand_section(s);
  return out;
}

std::string header(const std::string& page, const std::string& version) {
  return fmt::format(
      ".\\\" Written by `shopkeep __man` from the help text of shopkeep {0}; do not edit.\n"
      ".TH {1} 1 \"\" \"shopkeep {0}\" \"User Commands\"\n",
      version, upper(page));
}

std::string global_options_note(const CommandSpec& root) {
  std::vector<std::string> names;
  for (const auto* o : global_options(root)) names.push_back(bold(o->names.back()));
  return ".SH GLOBAL OPTIONS\nThe global options of \\fBshopkeep\\fR(1) (" + join_words(names, ", ") +
         ") are accepted before or after the command's name.\n";
}

std::string page_name(const CommandSpec& c) { return "shopkeep-" + c.name; }

ManPage command_page(const CommandSpec& root, const CommandSpec& c, const std::string& version) {
  std::string text = header(page_name(c), version);
  text += ".SH NAME\n" + roff_escape(page_name(c)) + " \\- " + roff_escape(c.description) + "\n";
  text += ".SH SYNOPSIS\n" + bold(c.synopsis()) + "\n";
  for (const auto* sub : all_commands(c))
    if (sub != &c) text += synopsis_line(*sub);
  text += ".SH DESCRIPTION\n" + roff_escape(c.description) + "\n" + paragraphs(c.footer);
  text += arguments_section(".SH ARGUMENTS\n", c);
  text += options_section(".SH OPTIONS\n", own_options(c));
  if (!c.subcommands.empty()) {
    text += ".SH COMMANDS\n";
    for (const auto& s : c.subcommands) text += subcommand_section(s);
  }
  text += global_options_note(root);
  text += ".SH SEE ALSO\n\\fBshopkeep\\fR(1)\n";
  return {page_name(c) + ".1", text};
}

// "shopkeep: your shop's data...,\nturned into..." -> "your shop's data..., turned into...".
std::string one_line_summary(std::string description) {
  if (description.rfind("shopkeep: ", 0) == 0) description = description.substr(10);
  std::replace(description.begin(), description.end(), '\n', ' ');
  return description;
}

ManPage root_page(const CommandSpec& root, const std::string& version) {
  std::string text = header("shopkeep", version);
  text += ".SH NAME\nshopkeep \\- " + roff_escape(one_line_summary(root.description)) + "\n";
  text += ".SH SYNOPSIS\n" + bold("shopkeep") + " [" + italic("GLOBAL OPTIONS") + "] " + italic("COMMAND") + " [" +
          italic("OPTIONS") + "] [" + italic("ARGUMENTS") + "]\n";
  text += ".SH DESCRIPTION\n" + roff_escape(one_line_summary(root.description)) + "\n" + paragraphs(root.footer);
  text += ".SH COMMANDS\n";
  for (const auto* c : all_commands(root)) {
    if (c == &root) continue;
    text += ".TP\n" + bold(c->synopsis()) + "\n" + roff_escape(c->description);
    if (c->path.size() == 1) text += " See \\fB" + roff_escape(page_name(*c)) + "\\fR(1).";
    text += "\n";
  }
  std::vector<const OptionSpec*> own;
  for (const auto& o : root.options)
    if (!o.global) own.push_back(&o);
  text += options_section(".SH GLOBAL OPTIONS\nAccepted by every command, before or after its name.\n",
                          global_options(root));
  text += options_section(".SH OPTIONS\n", own);
  std::vector<std::string> see_also;
  for (const auto& c : root.subcommands) see_also.push_back("\\fB" + roff_escape(page_name(c)) + "\\fR(1)");
  text += ".SH SEE ALSO\n" + join_words(see_also, ",\n") + "\n";
  return {"shopkeep.1", text};
}

}  // namespace

std::string roff_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  // A line starting with a dot or a quote would be read as a request.
  std::string safe;
  for (const auto& line : lines_of(out)) {
    if (!safe.empty()) safe += '\n';
    safe += (!line.empty() && (line.front() == '.' || line.front() == '\'')) ? "\\&" + line : line;
  }
  return safe;
}

std::vector<ManPage> man_pages(const CommandSpec& root, const std::string& version) {
  std::vector<ManPage> pages = {root_page(root, version)};
  for (const auto& c : root.subcommands) pages.push_back(command_page(root, c, version));
  return pages;
}

}  // namespace shopkeep::cli
