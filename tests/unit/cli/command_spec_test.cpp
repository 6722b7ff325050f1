#include "cli/command_spec.hpp"

#include <doctest/doctest.h>

#include "cli/test_tree.hpp"

using namespace shopkeep::cli;

TEST_CASE("synopsis reads like --help's usage line") {
  auto root = testing::test_tree();
  CHECK(root.subcommands[0].synopsis() == "shopkeep sync [OPTIONS] [SOURCE...]");
  CHECK(root.subcommands[1].synopsis() == "shopkeep recommend [OPTIONS] [COMMAND]");
  CHECK(root.subcommands[1].subcommands[0].synopsis() == "shopkeep recommend rules [OPTIONS]");
  CHECK(root.subcommands[1].subcommands[0].full_name() == "shopkeep recommend rules");
}

TEST_CASE("all_commands walks depth first from the root; global_options are the root's global ones") {
  auto root = testing::test_tree();
  std::vector<std::string> names;
  for (const auto* c : all_commands(root)) names.push_back(c->full_name());
  CHECK(names ==
        std::vector<std::string>{"shopkeep", "shopkeep sync", "shopkeep recommend", "shopkeep recommend rules"});
  std::vector<std::string> globals;
  for (const auto* o : global_options(root)) globals.push_back(o->names.back());
  CHECK(globals == std::vector<std::string>{"--db", "--format", "--quiet"});
}
