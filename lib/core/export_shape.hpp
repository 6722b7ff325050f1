#pragma once
// Which source an export file comes from, judged by its first bytes, so that a file given to the
// wrong `import` subcommand gets "use 'shopkeep import zendesk FILE'" instead of a parser error.
#include <string>
#include <string_view>

namespace shopkeep {

// A Zendesk API response body: a JSON object whose keys include a resource array Zendesk returns
// ("tickets": [...], "users": [...], ...). `head` is the start of the file (a few KB is enough).
bool looks_like_zendesk_body(std::string_view head);

// A Shopify bulk-operation JSONL line: one JSON object on the line with a Shopify global id.
bool looks_like_shopify_jsonl(std::string_view first_line);

// The usage error for `file` given to `import given` when it is an export for `import other`.
[[noreturn]] void throw_wrong_import(const std::string& file, const char* other_source);

}  // namespace shopkeep
