#include "shopify/gid.hpp"

#include <charconv>

namespace shopkeep::shopify {

std::optional<Gid> parse_gid(std::string_view text) {
  constexpr std::string_view prefix = "gid://shopify/";
  if (text.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view rest = text.substr(prefix.size());
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= rest.size()) return std::nullopt;
  Gid gid{rest.substr(0, slash), std::nullopt, text};
  std::string_view tail = rest.substr(slash + 1);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), value);
  if (ec == std::errc() && end == tail.data() + tail.size() && value > 0) gid.number = value;
  return gid;
}

}  // namespace shopkeep::shopify
