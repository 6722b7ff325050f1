#include "demo/output_file.hpp"

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace shopkeep::demo {

OutputFile::OutputFile(const std::filesystem::path& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) throw runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

OutputFile::~OutputFile() {
  if (file_) std::fclose(file_);
}

void OutputFile::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
    throw runtime_error("cannot write " + path_.string() + ": " + std::strerror(errno));
}

void OutputFile::close() {
  if (file_ && std::fclose(file_) != 0) {
    file_ = nullptr;
    throw runtime_error("cannot write " + path_.string() + ": " + std::strerror(errno));
  }
  file_ = nullptr;
}

}  // namespace shopkeep::demo
