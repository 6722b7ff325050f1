#pragma once
// Every config key shopkeep reads, in one list, so a mistyped key is a warning that names the file,
// the line and the key it was probably meant to be, instead of being silently ignored.
#include <string>
#include <string_view>
#include <vector>

namespace shopkeep {

// "section.key" names; a name ending in ".*" allows any key below it (tables of user names, such
// as restock.lead_time_by_vendor).
const std::vector<std::string_view>& known_config_keys();

// Whether `dotted` is a known key (or below a ".*" one).
bool is_known_config_key(std::string_view dotted);

}  // namespace shopkeep
