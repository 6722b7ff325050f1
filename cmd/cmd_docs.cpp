// Hidden commands that write the documentation from the command tree, so it never drifts from
// --help: `shopkeep __man DIR` (the man pages, run by the build) and `shopkeep __reference
// [--summary]` (docs/cli-reference.md, and the README's command table; scripts/update-docs);
// `shopkeep __data-dir` prints the data folder the binary found (lib/core/data_dir.hpp).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/man_page.hpp"
#include "cli_spec.hpp"
#include "core/data_dir.hpp"
#include "core/error.hpp"
#include "registry.hpp"

namespace shopkeep::cmd {

namespace {

namespace fs = std::filesystem;

void write_man_pages(Context& ctx, CLI::App& root, const Registry& registry, const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw runtime_error("cannot create " + dir.string() + ": " + ec.message());
  auto pages = cli::man_pages(describe_commands(root, registry), SHOPKEEP_VERSION);
  for (const auto& page : pages) {
    std::ofstream out(dir / page.file_name);
    out << page.text;
    if (!out) throw runtime_error("cannot write " + (dir / page.file_name).string());
  }
  ctx.reporter().debug(fmt::format("wrote {} man pages in {}", pages.size(), dir.string()));
}

// The app of a command path, and the --help text a user sees for it.
CLI::App* app_at(CLI::App& root, const std::vector<std::string>& path) {
  CLI::App* app = &root;
  for (const auto& word : path) app = app->get_subcommand(word);
  return app;
}

std::string help_text(CLI::App& root, const cli::CommandSpec& c) {
  CLI::App* app = app_at(root, c.path);
  return app->get_formatter()->make_help(app, c.full_name(), CLI::AppFormatMode::Normal);
}

// "shopkeep recommend rules" -> "#shopkeep-recommend-rules", GitHub's anchor for that heading.
std::string anchor(const cli::CommandSpec& c) {
  std::string a = "#";
  for (char ch : c.full_name()) a += ch == ' ' ? '-' : ch;
  return a;
}

std::string summary_table(const cli::CommandSpec& root, const std::string& link_prefix) {
  std::string out = "| command | what it does |\n| --- | --- |\n";
  for (const auto* c : cli::all_commands(root)) {
    if (c == &root) continue;
    out += fmt::format("| [`{}`]({}{}) | {} |\n", c->full_name(), link_prefix, anchor(*c), c->description);
  }
  return out;
}

std::string reference(CLI::App& root, const cli::CommandSpec& spec) {
  std::string out =
      "# Command reference\n\n"
      "Every command's `--help`, written by `scripts/update-docs` (a test checks it against the binary:\n"
      "edit the help text in `cmd/`, not this file). `man shopkeep` and `man shopkeep-COMMAND` have the same.\n\n" +
      summary_table(spec, "");
  for (const auto* c : cli::all_commands(spec))
    out += fmt::format("\n## {}\n\n```\n{}```\n", c->full_name(), help_text(root, *c));
  return out;
}

}  // namespace

void setup_man(CLI::App& command, Registry& registry) {
  auto dir = std::make_shared<std::string>();
  CLI::App& root = *command.get_parent();
  command.group("");
  command.add_option("DIR", *dir, "output folder")->required();
  registry.on_run(&command, [&root, &registry, dir](Context& ctx) { write_man_pages(ctx, root, registry, *dir); });
}

void setup_reference(CLI::App& command, Registry& registry) {
  auto summary = std::make_shared<bool>(false);
  CLI::App& root = *command.get_parent();
  command.group("");
  command.add_flag("--summary", *summary, "only the table of commands, for the README");
  registry.on_run(&command, [&root, &registry, summary](Context& ctx) {
    auto spec = describe_commands(root, registry);
    ctx.out() << (*summary ? summary_table(spec, "docs/cli-reference.md") : reference(root, spec));
  });
}

void setup_data_dir(CLI::App& command, Registry& registry) {
  command.group("");
  registry.on_run(&command, [](Context& ctx) { ctx.out() << data_dir().string() << '\n'; });
}

}  // namespace shopkeep::cmd
