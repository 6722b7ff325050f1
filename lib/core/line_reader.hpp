#pragma once
// Streams a file line by line through one reusable buffer (memory flat in the file size).
// Each line is followed in memory by at least `padding` readable bytes, so a SIMD JSON parser
// can read it in place without copying.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace shopkeep {

class LineReader {
 public:
  // A longer line is an error, not a reason to grow the buffer without end (/dev/zero, a file
  // without newlines): no real JSONL line is near it.
  static constexpr size_t kMaxLineBytes = size_t{64} << 20;

  // `path` "-" reads stdin. Throws a usage error when the file cannot be opened.
  LineReader(const std::string& path, size_t padding = 64);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Next line without its "\n" or "\r\n" (nor a UTF-8 BOM at the start of the first); false at end
  // of input. Throws a runtime error for a line longer than kMaxLineBytes.
  bool next(std::string_view& line);
  std::uint64_t line_number() const { return line_number_; }
  std::uint64_t bytes_consumed() const { return bytes_consumed_; }
  std::uint64_t size_hint() const { return size_hint_; }  // 0 when unknown (pipes)
  const std::string& name() const { return name_; }

 private:
  bool fill();

  std::string name_;
  FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool eof_ = false;
  size_t padding_;
  std::vector<char> buffer_;
  size_t begin_ = 0, end_ = 0;
  std::uint64_t line_number_ = 0;
  std::uint64_t bytes_consumed_ = 0;
  std::uint64_t size_hint_ = 0;
};

}  // namespace shopkeep
