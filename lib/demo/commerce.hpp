#pragma once
// Writing the Shopify side of the sample: products, customers with their order histories
// (seasonal, with refill rhythms and companions), guest orders and abandoned checkouts.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "demo/catalog.hpp"
#include "demo/people.hpp"
#include "demo/random.hpp"

namespace shopkeep::demo {

struct CommerceCounts {
  std::uint64_t orders = 0, line_items = 0, checkouts = 0;
};

struct CommercePlan {
  std::uint64_t orders, checkouts;
  std::int64_t start, end;  // unix seconds: the two years of history
};

void write_products(const std::filesystem::path& file, const std::vector<Product>& catalog, std::int64_t start);

// Writes customers.jsonl, orders.jsonl and checkouts.jsonl.
CommerceCounts write_commerce(const std::filesystem::path& dir, Rng& rng, const std::vector<Product>& catalog,
                              std::vector<Person>& people, const CommercePlan& plan);

std::string iso_time(std::int64_t unix_seconds);
std::string cents(std::int64_t amount);

}  // namespace shopkeep::demo
