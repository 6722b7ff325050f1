#pragma once
// A buffered output file for the generator; throws a runtime error naming the file on failure.
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace shopkeep::demo {

class OutputFile {
 public:
  explicit OutputFile(const std::filesystem::path& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  void write(std::string_view text);
  void line(std::string_view text) {
    write(text);
    write("\n");
  }
  void close();

 private:
  std::filesystem::path path_;
  FILE* file_ = nullptr;
};

}  // namespace shopkeep::demo
