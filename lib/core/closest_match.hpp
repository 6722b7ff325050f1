#pragma once
// "Did you mean ...?": the nearest of some names to what a user typed, by edit distance. Used for
// mistyped subcommands and flags (cmd/suggest) and config keys (core/config).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace shopkeep {

// Levenshtein distance: insertions, deletions and substitutions of one byte each.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate at most `max_distance` edits from `typed` (the first of equals), or "" when none is.
std::string closest_match(std::string_view typed, const std::vector<std::string_view>& candidates, size_t max_distance);

}  // namespace shopkeep
