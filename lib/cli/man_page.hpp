#pragma once
// Man pages written from the command tree: shopkeep(1), and one page per command
// (shopkeep-sync(1), ...) holding its subcommands, all from the text --help shows.
#include <string>
#include <vector>

#include "cli/command_spec.hpp"

namespace shopkeep::cli {

struct ManPage {
  std::string file_name;  // "shopkeep-sync.1"
  std::string text;       // roff (man macros)
};

std::vector<ManPage> man_pages(const CommandSpec& root, const std::string& version);

// Text made safe for roff: backslashes, hyphens, and a leading dot or quote.
std::string roff_escape(const std::string& text);

}  // namespace shopkeep::cli
