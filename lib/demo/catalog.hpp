#pragma once
// The sample shop's catalog: a coffee-and-tea shop with consumables (re-bought at a rhythm),
// equipment, popular and niche products, companions bought together, and planted defects.
#include <cstdint>
#include <string>
#include <vector>

#include "demo/random.hpp"

namespace shopkeep::demo {

struct Variant {
  std::int64_t id;
  std::string title, sku;
  std::int64_t price;       // cents
  std::int64_t compare_at;  // cents, 0 = none
  std::int64_t unit_cost;   // cents
  std::int64_t inventory;
};

struct Product {
  std::int64_t id;
  std::string title, handle, category, vendor, status;
  bool consumable = false;
  int refill_days = 0;   // typical interval between repeat purchases (consumables)
  size_t companion = 0;  // index of the product often bought with this one
  bool has_description = true, has_seo = true;
  int media = 1;  // images
  bool media_without_alt = false;
  std::vector<Variant> variants;
};

std::vector<Product> make_catalog(Rng& rng, size_t count);

// Popularity weights (Zipf-like by a shuffled rank): a few best sellers and a long niche tail.
std::vector<double> popularity_weights(Rng& rng, const std::vector<Product>& catalog);

}  // namespace shopkeep::demo
