#pragma once
// Where shopkeep finds the files it ships with (the default email templates): installed beside the
// binary, as `cmake --install --prefix P` lays them out (P/bin/shopkeep, P/share/shopkeep/templates),
// else, for a binary run from its build folder, the source tree's templates/ folder.
#include <filesystem>
#include <optional>
#include <vector>

namespace shopkeep {

// The running binary (/proc/self/exe); empty when it cannot be read.
std::filesystem::path executable_path();

// Where default templates are looked for, in order: <exe dir>/../share/shopkeep/templates, then the
// source tree's templates/ (compiled in as SHOPKEEP_SOURCE_TEMPLATES).
std::vector<std::filesystem::path> template_root_candidates();

// The first candidate that exists, if any.
std::optional<std::filesystem::path> default_template_root();

}  // namespace shopkeep
