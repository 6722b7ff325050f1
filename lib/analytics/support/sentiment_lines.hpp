#pragma once
// `support sentiment`: the VADER scores of each line of a text file, for people and scripts.
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "analytics/support/vader.hpp"

namespace shopkeep::analytics::support {

// One row per input line (cli.md `support sentiment --json`): `line` (1-based), `compound`, `pos`,
// `neu`, `neg`, rounded as the reference implementation rounds them. `path` "-" reads stdin.
// `score` turns one line into its scores (plain VADER, or VADER with the shop's lexicon).
nlohmann::ordered_json sentiment_lines(const std::string& path, const std::function<Polarity(std::string_view)>& score,
                                       bool with_text);

}  // namespace shopkeep::analytics::support
