#include "core/export_shape.hpp"

#include "core/error.hpp"

namespace shopkeep {

namespace {

std::string_view trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// `"key"`, then optional blanks, a colon, optional blanks and `[`: a key holding an array.
bool has_array_key(std::string_view text, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  for (auto at = text.find(quoted); at != std::string_view::npos; at = text.find(quoted, at + 1)) {
    auto rest = text.substr(at + quoted.size());
    auto colon = rest.find_first_not_of(" \t\r\n");
    if (colon == std::string_view::npos || rest[colon] != ':') continue;
    auto value = rest.find_first_not_of(" \t\r\n", colon + 1);
    if (value != std::string_view::npos && rest[value] == '[') return true;
  }
  return false;
}

}  // namespace

bool looks_like_zendesk_body(std::string_view head) {
  head = trimmed(head);
  if (head.empty() || head.front() != '{') return false;
  // The first few KB: enough for the opening key of a body, however it is laid out.
  head = head.substr(0, 4096);
  if (head.find("\"gid://shopify/") != std::string_view::npos) return false;
  for (std::string_view key : {"tickets", "users", "ticket_metrics", "ticket_events", "satisfaction_ratings",
                               "survey_responses", "organizations", "groups", "comments", "metric_sets"})
    if (has_array_key(head, key)) return true;
  return false;
}

bool looks_like_shopify_jsonl(std::string_view first_line) {
  first_line = trimmed(first_line);
  if (first_line.size() < 2 || first_line.front() != '{' || first_line.back() != '}') return false;
  return first_line.find("\"gid://shopify/") != std::string_view::npos;
}

void throw_wrong_import(const std::string& file, const char* other_source) {
  std::string kind = std::string(other_source) == "zendesk" ? "a Zendesk export" : "a Shopify export";
  throw usage_error(file + ": this looks like " + kind,
                    std::string("use 'shopkeep import ") + other_source + " " + (file == "<stdin>" ? "-" : file) + "'");
}

}  // namespace shopkeep
