#include "cli/man_page.hpp"

#include <doctest/doctest.h>

#include "cli/test_tree.hpp"

using namespace shopkeep::cli;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const ManPage& page(const std::vector<ManPage>& pages, const std::string& name) {
  for (const auto& p : pages)
    if (p.file_name == name) return p;
  FAIL("no page " << name);
  return pages.front();
}

}  // namespace

TEST_CASE("roff_escape: hyphens, backslashes, and a leading dot or quote") {
  CHECK(roff_escape("--min-support") == "\\-\\-min\\-support");
  CHECK(roff_escape("a\\b") == "a\\eb");
  CHECK(roff_escape(".dot\n'quote\nplain") == "\\&.dot\n\\&'quote\nplain");
}

TEST_CASE("one page for shopkeep and one per top-level command, subcommands inside") {
  auto pages = man_pages(testing::test_tree(), "9.9");
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].file_name == "shopkeep.1");
  CHECK(pages[1].file_name == "shopkeep-sync.1");
  CHECK(pages[2].file_name == "shopkeep-recommend.1");

  const auto& root = page(pages, "shopkeep.1");
  CHECK(has(root.text, ".TH SHOPKEEP 1 \"\" \"shopkeep 9.9\" \"User Commands\"\n"));
  CHECK(has(root.text, ".SH NAME\nshopkeep \\- a test tree\n"));
  CHECK(has(root.text, ".SH GLOBAL OPTIONS\n"));
  CHECK(has(root.text, "\\fB\\-\\-format\\fR \\fITEXT\\fR\n"));
  CHECK(has(root.text, "\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR\n"));
  CHECK(has(root.text, "See \\fBshopkeep\\-sync\\fR(1)."));
  CHECK(has(root.text, "\\fBshopkeep\\-recommend\\fR(1)\n"));

  const auto& sync = page(pages, "shopkeep-sync.1");
  CHECK(has(sync.text, ".TH SHOPKEEP-SYNC 1"));
  CHECK(has(sync.text, ".SH NAME\nshopkeep\\-sync \\- Pull from the APIs\n"));
  CHECK(has(sync.text, ".SH ARGUMENTS\n.TP\n\\fISOURCE\\fR...\nshopify, zendesk\n"));
  CHECK(has(sync.text, ".SH OPTIONS\n"));
  CHECK(has(sync.text, "\\fB\\-\\-resources\\fR \\fITEXT\\fR\n"));
  // prose filled, examples kept as they are, a leading dot escaped
  CHECK(
      has(sync.text, ".PP\nIncremental.\n.PP\n.nf\nExample: shopkeep sync shopify\n.fi\n.PP\n\\&.dot at the start\n"));
  CHECK(!has(sync.text, "\\-\\-db\\fR \\fIPATH"));  // global options are only named here
  CHECK(has(sync.text, ".SH GLOBAL OPTIONS\n"));

  const auto& recommend = page(pages, "shopkeep-recommend.1");
  CHECK(has(recommend.text, ".SS shopkeep recommend rules\n"));
  CHECK(
      has(recommend.text, "\\fB\\-\\-min\\-support\\fR \\fIFLOAT\\fR\nthe FLOAT (it's documented) (default: 0.01)\n"));
  CHECK(has(recommend.text, ".br\n\\fBshopkeep recommend rules [OPTIONS]\\fR\n"));
}
