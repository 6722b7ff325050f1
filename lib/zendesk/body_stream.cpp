#include "zendesk/body_stream.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <iterator>
#include <string_view>

#include "core/error.hpp"
#include "core/export_shape.hpp"
#include "zendesk/body_writer.hpp"
#include "zendesk/import.hpp"

namespace shopkeep::zendesk {

namespace {

using nlohmann::json;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr size_t kHeadBytes = 64 * 1024;  // enough for the first line of a JSONL file given here by mistake

// The body's bytes as the parser reads them: the head already read to recognise the file, then the
// rest of the stream; counting lines (for messages) and bytes (for the size limit) on the way.
class BodyInput {
 public:
  BodyInput(std::string head, std::streambuf& rest, const std::string& name)
      : head_(std::move(head)), rest_(rest), name_(name) {}

  bool at_end() const { return pos_ >= head_.size() && rest_.sgetc() == std::char_traits<char>::eof(); }
  const char& current() {
    current_ = pos_ < head_.size() ? head_[pos_] : std::char_traits<char>::to_char_type(rest_.sgetc());
    return current_;
  }
  void advance() {
    char c = current();
    if (pos_ < head_.size())
      ++pos_;
    else
      rest_.sbumpc();
    if (c == '\n') ++lines_;
    if (++bytes_ > kMaxBodyBytes) throw_body_too_big(name_);
  }
  std::uint64_t line() const { return lines_ + 1; }
  std::uint64_t bytes() const { return bytes_; }

 private:
  std::string head_;
  size_t pos_ = 0;
  std::streambuf& rest_;
  const std::string& name_;
  char current_ = 0;
  std::uint64_t lines_ = 0, bytes_ = 0;
};

// An input iterator over a BodyInput, the form nlohmann::json::parse reads; the default one is the end.
class BodyIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  BodyIterator() = default;
  explicit BodyIterator(BodyInput& input) : input_(&input) {}
  reference operator*() const { return input_->current(); }
  BodyIterator& operator++() {
    input_->advance();
    return *this;
  }
  BodyIterator operator++(int) {
    BodyIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const BodyIterator& other) const { return at_end() == other.at_end(); }

 private:
  bool at_end() const { return input_ == nullptr || input_->at_end(); }
  BodyInput* input_ = nullptr;
};

// The start of the stream up to the end of its first non-blank line (at most kHeadBytes), without
// a byte order mark.
std::string read_head(std::streambuf& in) {
  std::string head;
  bool content = false;
  for (int c; head.size() < kHeadBytes && (c = in.sbumpc()) != std::char_traits<char>::eof();) {
    head.push_back(std::char_traits<char>::to_char_type(c));
    if (c == '\n' && content) break;
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') content = true;
  }
  if (std::string_view(head).starts_with(kByteOrderMark)) head.erase(0, kByteOrderMark.size());
  return head;
}

// The JSON library's message without its "[json.exception.parse_error.101] " tag.
std::string plain_message(const json::exception& e) {
  std::string_view what = e.what();
  if (size_t tag_end = what.find("] "); what.starts_with("[json.exception.") && tag_end != std::string_view::npos)
    what.remove_prefix(tag_end + 2);
  return std::string(what);
}

}  // namespace

void throw_body_too_big(const std::string& name) {
  throw runtime_error(name + ": larger than " + std::to_string(kMaxBodyBytes >> 20) + " MiB",
                      "a Zendesk response body is one API page; import the pages as separate files");
}

std::uint64_t stream_body(std::streambuf& in, const std::string& name, BodyWriter& writer,
                          const std::function<void(std::uint64_t)>& after_item) {
  std::string head = read_head(in);
  auto start = std::min(head.find_first_not_of(" \t\r\n"), head.size());
  if (looks_like_shopify_jsonl(std::string_view(head).substr(start, head.find('\n', start) - start)))
    throw_wrong_import(name, "shopify");

  BodyInput input(std::move(head), in, name);
  auto invalid = [&](const std::string& what) {
    return runtime_error(name + ":" + std::to_string(input.line()) + ": invalid JSON: " + what);
  };
  std::string key;        // the top-level key being read
  bool in_items = false;  // inside the array of a key the writer writes items of
  size_t index = 0;
  // Depths as the parser counts them: 0 the body, 1 its keys and values, 2 the items of its arrays.
  auto on_event = [&](int depth, json::parse_event_t event, json& parsed) {
    using E = json::parse_event_t;
    bool opens = event == E::object_start || event == E::array_start;
    if (opens && static_cast<size_t>(depth) >= kMaxNesting)
      throw invalid("nested deeper than " + std::to_string(kMaxNesting) + " levels");
    if (depth == 1) {
      if (event == E::key) key = parsed.get<std::string>(), in_items = false;
      if (event == E::array_start) in_items = BodyWriter::writes_items_of(key), index = 0;
      if (event == E::array_end) in_items = false;
      return true;
    }
    bool item_done = event == E::object_end || event == E::array_end || event == E::value;
    if (!in_items || depth != 2 || !item_done) return true;
    writer.write_item(key, index++, parsed);
    after_item(input.bytes());
    return false;  // written: dropped from the document
  };

  writer.begin_body(name);
  json rest;
  try {
    rest = json::parse(BodyIterator(input), BodyIterator(), on_event);
  } catch (const json::parse_error& e) {
    throw invalid(plain_message(e));
  } catch (const json::exception& e) {  // out_of_range: "number overflow parsing '1e400'"
    throw runtime_error(name + ": invalid JSON: " + plain_message(e));
  }
  writer.end_body(rest);
  return input.bytes();
}

}  // namespace shopkeep::zendesk
