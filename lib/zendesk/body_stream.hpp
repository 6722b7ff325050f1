#pragma once
// A Zendesk response body parsed as it is read, for `import zendesk`: each item of a top-level array
// (tickets, users, ...) goes to the writer as soon as it is complete and is then dropped, so a body
// of any size takes the memory of one item (parsed whole, a 106 MB export page of 125,000 tickets
// took about 1 GB).

#include <cstdint>
#include <functional>
#include <streambuf>
#include <string>

namespace shopkeep::zendesk {

class BodyWriter;

// Reads one body from `in` (named `name` in errors) into `writer`. A UTF-8 byte order mark is
// skipped; a Shopify JSONL file is named as such; bad JSON is "NAME:LINE: invalid JSON: ..."; a body
// larger than kMaxBodyBytes or nested deeper than kMaxNesting (import.hpp) is refused as it is read.
// `after_item(bytes_read)` runs after every item (progress, interrupts). Returns the bytes read.
// The error for a body past kMaxBodyBytes (by its size on disk, or as it is read).
[[noreturn]] void throw_body_too_big(const std::string& name);

std::uint64_t stream_body(std::streambuf& in, const std::string& name, BodyWriter& writer,
                          const std::function<void(std::uint64_t bytes_read)>& after_item);

}  // namespace shopkeep::zendesk
