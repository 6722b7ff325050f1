#pragma once
// What every fuzz target shares: a private temporary folder, the input as text, and the rule that
// decides what a finding is. Bad input must end in a shopkeep::Error (a named message and an exit
// code, docs/errors.md); any other exception escaping is a finding, like a crash: it means a raw
// library message ("[json.exception...]", "stoll") would reach the user.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

// Each target defines it: libFuzzer's entry point (and replay_main.cpp's).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size);

namespace shopkeep::fuzz {

// A folder of this process's own (in /dev/shm, else under $TMPDIR), removed at exit.
const std::filesystem::path& scratch_dir();

// Writes `bytes` to `path` (replacing it).
void write_file(const std::filesystem::path& path, std::string_view bytes);

inline std::string_view as_text(const std::uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs `step`; a shopkeep::Error (what the tool prints as "shopkeep: error: ...") is an accepted
// outcome, anything else propagates (and aborts).
template <class Step>
void expect_clean(Step&& step) {
  try {
    step();
  } catch (const shopkeep::Error&) {
  }
}

}  // namespace shopkeep::fuzz
