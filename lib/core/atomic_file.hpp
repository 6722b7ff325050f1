#pragma once
// A file written whole or not at all: the text goes to a temporary file beside it, which is
// renamed over the target only when every byte is on disk (a reader never sees half a report).
#include <filesystem>
#include <string_view>

namespace shopkeep {

// Runtime error naming the file when it cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace shopkeep
