#pragma once
// Shopify global ids: "gid://shopify/Order/450789469" -> type "Order", number 450789469.
// Some GIDs do not end in a number (abandoned-checkout line items); those keep the whole text.
#include <cstdint>
#include <optional>
#include <string_view>

namespace shopkeep::shopify {

struct Gid {
  std::string_view type;               // "Order"
  std::optional<std::int64_t> number;  // 450789469, when the GID ends in a number
  std::string_view text;               // the whole GID
};

// nullopt when `text` is not a Shopify GID.
std::optional<Gid> parse_gid(std::string_view text);

}  // namespace shopkeep::shopify
