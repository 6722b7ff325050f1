#pragma once
// Flag values checked at the flag (CLI11 validators), so a bad value is a usage error naming the
// flag before anything runs. The rule: cmd/ checks what a value is (a finite positive number, one
// of a list, a duration); lib/ checks what it means against the data (an unknown campaign or check).
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace shopkeep::cmd {

// A finite number > 0 (refuses nan, inf, 0 and negatives).
CLI::Validator positive_number();
// A finite number > 0 and <= high.
CLI::Validator positive_number_at_most(double high);
// A fraction: a finite number > 0 and <= 1.
CLI::Validator fraction();
// A finite number >= 0.
CLI::Validator non_negative_number();
// A finite number in [low, high].
CLI::Validator number_between(double low, double high);
// A whole number >= `low`.
CLI::Validator whole_number_at_least(long long low);
// One of `names` (exactly as written); shell completion offers them (completes.hpp).
CLI::Validator one_of(const std::vector<std::string>& names);

}  // namespace shopkeep::cmd
