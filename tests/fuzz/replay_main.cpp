// Runs a fuzz target on saved inputs without libFuzzer, so the seed corpus and every crash found
// so far (testdata/fuzz/TARGET/) replay as a regression test in every build, GCC's included:
//   fuzz_replay_TARGET FILE_OR_DIR...
// Exit 0 when every input ran; a finding aborts, as under libFuzzer.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

void run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  size_t ran = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg = argv[i];
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg))
        if (entry.is_regular_file() && entry.path().filename() != "README.md") {
          run_file(entry.path());
          ++ran;
        }
    } else {
      run_file(arg);
      ++ran;
    }
  }
  std::printf("%zu inputs ran clean\n", ran);
  return ran == 0 ? 1 : 0;  // no input at all means a wrong path, not a pass
}
