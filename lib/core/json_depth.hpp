#pragma once
// The nesting depth of JSON text, measured without parsing it: a body nested a million levels deep
// (hostile or broken) is refused before a recursive walk of the parsed value overflows the stack.
#include <cstddef>
#include <string>
#include <string_view>

namespace shopkeep {

// Throws a runtime error "NAME:LINE: invalid JSON: nested deeper than MAX levels" when arrays and
// objects nest deeper than `max_depth` (brackets inside strings do not count).
void check_json_depth(std::string_view text, size_t max_depth, const std::string& name);

}  // namespace shopkeep
