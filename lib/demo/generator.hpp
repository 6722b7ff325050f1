#pragma once
// The deterministic sample shop: Shopify bulk JSONL and Zendesk response bodies of a small
// coffee-and-tea shop over two years, realistic enough for every analysis to find something,
// and scalable to a million orders for the benchmarks (streamed: memory grows with customers and
// products, never with orders).
#include <cstdint>
#include <filesystem>

#include "core/time.hpp"

namespace shopkeep::demo {

struct ShopSize {
  std::uint64_t customers = 2000;
  std::uint64_t orders = 8000;
  std::uint64_t products = 150;
  std::uint64_t checkouts = 400;
  std::uint64_t tickets = 1000;
  std::uint64_t seed = 20260930;
};

// The sample's own "now": its data ends here, and `shopkeep demo` uses it as --now.
Instant sample_now();

struct GeneratedShop {
  std::uint64_t customers = 0, orders = 0, line_items = 0, products = 0, checkouts = 0, tickets = 0;
};

// Writes DIR/shopify/{shop,products,customers,orders,checkouts}.jsonl and
// DIR/zendesk/{users,tickets,ticket_events,satisfaction_ratings}.json. Throws on I/O errors.
GeneratedShop generate_shop(const std::filesystem::path& dir, const ShopSize& size);

}  // namespace shopkeep::demo
