// The scripts' structure; tests/e2e/suites/completion.bash drives them in real shells.
#include "cli/completion.hpp"

#include <doctest/doctest.h>

#include "cli/test_tree.hpp"

using namespace shopkeep::cli;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("bash: subcommands, options and values per command path") {
  auto script = bash_completion(testing::test_tree(), "9.9");
  CHECK(has(script, "shopkeep 9.9"));
  CHECK(has(script, "    '') echo 'sync recommend' ;;\n"));
  CHECK(has(script, "    'recommend') echo 'rules' ;;\n"));
  CHECK(has(script, "local globals='--db --format -q --quiet'"));
  CHECK(has(script, "    'sync') echo \"-h --help --resources $globals\" ;;\n"));
  CHECK(has(script, "    'sync --resources') echo '@list orders tickets' ;;\n"));
  CHECK(has(script, "    'recommend --method') echo 'fbt similar' ;;\n"));
  CHECK(has(script, "    'recommend -k') : ;;\n"));  // a value, nothing to offer
  CHECK(has(script, "    *' --db') echo '@file' ;;\n"));
  CHECK(has(script, "    'sync') echo 'shopify zendesk' ;;\n"));
  CHECK(!has(script, "' --quiet')"));  // a flag takes no value
  CHECK(has(script, "complete -F _shopkeep shopkeep\n"));
}

TEST_CASE("zsh: one _arguments function per command, values and escaped explanations") {
  auto script = zsh_completion(testing::test_tree(), "9.9");
  CHECK(script.rfind("#compdef shopkeep\n", 0) == 0);
  CHECK(has(script, "'(-q --quiet)'{-q,--quiet}'[nothing on stderr but errors]'"));
  CHECK(has(script, "--db='[the PATH (it'\\''s documented)]:PATH:_files'"));
  CHECK(has(script, "--format='[the TEXT (it'\\''s documented)]:TEXT:(table json)'"));
  CHECK(has(script, "'*'--resources='[the TEXT (it'\\''s documented)]:TEXT:_values -s , TEXT orders tickets'") ==
        false);  // not repeatable in the test tree
  CHECK(has(script, "--resources='[the TEXT (it'\\''s documented)]:TEXT:_values -s , TEXT orders tickets'"));
  CHECK(has(script, "'*:SOURCE:(shopify zendesk)'"));
  CHECK(has(script, "-k+'[the UINT (it'\\''s documented)]:UINT: '"));
  CHECK(has(script, "_shopkeep__recommend__rules() {"));
  CHECK(has(script, "        rules) _shopkeep__recommend__rules && ret=0 ;;\n"));
  CHECK(has(script, "'sync:Pull from the APIs'"));
}

TEST_CASE("fish: complete lines conditioned on the command path") {
  auto script = fish_completion(testing::test_tree(), "9.9");
  CHECK(has(script, "set -g __shopkeep_commands 'sync' 'recommend' 'recommend rules'\n"));
  CHECK(has(script,
            "set -g __shopkeep_value_options 'sync --resources' 'recommend --method' 'recommend -k' "
            "'recommend rules --min-support'\n"));
  CHECK(has(script, "set -g __shopkeep_global_value_options '--db' '--format'\n"));
  CHECK(has(script, "complete -c shopkeep -l db -r -F -d 'the PATH (it\\'s documented)'\n"));
  CHECK(has(script, "complete -c shopkeep -n '__shopkeep_at \\'\\'' -a 'sync' -d 'Pull from the APIs'\n"));
  CHECK(has(script,
            "complete -c shopkeep -n '__shopkeep_at \\'sync\\'' -l resources -x -a "
            "'(__shopkeep_list orders tickets)'"));
  CHECK(has(script, "complete -c shopkeep -n '__shopkeep_at \\'sync\\'' -a 'shopify zendesk' -d 'SOURCE'\n"));
  CHECK(has(script, "-s k -x -d"));
}
