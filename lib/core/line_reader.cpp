#include "core/line_reader.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace shopkeep {

namespace {
constexpr size_t kChunk = 1 << 20;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}  // namespace

LineReader::LineReader(const std::string& path, size_t padding)
    : name_(path == "-" ? "<stdin>" : path), padding_(padding) {
  if (path == "-") {
    file_ = stdin;
  } else {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw usage_error(path + ": is a directory, not a file");
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr) throw usage_error("cannot open " + path + ": " + std::strerror(errno));
    owns_file_ = true;
    if (S_ISREG(st.st_mode)) size_hint_ = static_cast<std::uint64_t>(st.st_size);
  }
  buffer_.resize(kChunk + padding_);
}

LineReader::~LineReader() {
  if (owns_file_) std::fclose(file_);
}

// Moves the unread tail to the front and reads more after it; grows for very long lines.
bool LineReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - padding_ - end_ < kChunk / 2) buffer_.resize(buffer_.size() * 2);
  size_t room = buffer_.size() - padding_ - end_;
  size_t got = std::fread(buffer_.data() + end_, 1, room, file_);
  if (got < room) {
    if (std::ferror(file_)) throw runtime_error("cannot read " + name_ + ": " + std::strerror(errno));
    eof_ = true;
  }
  end_ += got;
  std::memset(buffer_.data() + end_, 0, padding_);
  return got > 0;
}

bool LineReader::next(std::string_view& line) {
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const void* newline = std::memchr(start, '\n', end_ - begin_);
    if (newline != nullptr || (eof_ && end_ > begin_)) {
      size_t length = newline ? static_cast<const char*>(newline) - start : end_ - begin_;
      size_t consumed = newline ? length + 1 : length;
      if (length > 0 && start[length - 1] == '\r') --length;
      line = std::string_view(start, length);
      // A UTF-8 byte order mark (editors on Windows write one) is not part of the first line.
      if (line_number_ == 0 && line.starts_with(kByteOrderMark)) line.remove_prefix(kByteOrderMark.size());
      begin_ += consumed;
      bytes_consumed_ += consumed;
      ++line_number_;
      return true;
    }
    if (end_ - begin_ > kMaxLineBytes)
      throw runtime_error(name_ + ":" + std::to_string(line_number_ + 1) + ": a line longer than " +
                              std::to_string(kMaxLineBytes >> 20) + " MiB",
                          "the input must be JSON Lines: one object a line");
    if (!fill() && end_ == begin_) return false;
  }
}

}  // namespace shopkeep
