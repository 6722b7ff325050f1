#include "demo/catalog.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shopkeep::demo {

namespace {

struct Category {
  const char* name;
  const char* vendor;
  bool consumable;
  int refill_days;
  std::int64_t min_price, max_price;  // cents
  std::vector<const char*> nouns;
  std::vector<const char*> variant_titles;
};

const std::vector<Category>& categories() {
  static const std::vector<Category> all = {
      {"Coffee",
       "Roastery North",
       true,
       30,
       890,
       2490,
       {"Espresso Beans", "Filter Roast", "Decaf Beans", "Single Origin", "House Blend"},
       {"250g", "500g", "1kg"}},
      {"Tea",
       "Leaf & Co",
       true,
       45,
       590,
       1990,
       {"Green Tea", "Earl Grey", "Chai", "Rooibos", "Sencha", "Oolong"},
       {"50g", "100g"}},
      {"Filters",
       "Brewlab",
       true,
       60,
       390,
       990,
       {"Paper Filters", "Cloth Filter", "Descaler", "Cleaning Tablets"},
       {"Pack of 100", "Pack of 200"}},
      {"Brewing",
       "Brewlab",
       false,
       0,
       1990,
       8990,
       {"Pour-Over Dripper", "French Press", "Cold Brew Jar", "Moka Pot", "Aeropress Kit"},
       {"Small", "Large"}},
      {"Grinders",
       "Mahl Works",
       false,
       0,
       3990,
       24990,
       {"Hand Grinder", "Burr Grinder", "Travel Grinder"},
       {"Black", "Steel"}},
      {"Kettles",
       "Mahl Works",
       false,
       0,
       2990,
       12990,
       {"Gooseneck Kettle", "Electric Kettle"},
       {"Black", "White", "Copper"}},
      {"Cups",
       "Clay Studio",
       false,
       0,
       990,
       3490,
       {"Ceramic Mug", "Espresso Cup", "Travel Mug", "Glass Cup"},
       {"Sand", "Ink", "Moss", "Rust"}},
      {"Accessories",
       "Brewlab",
       false,
       0,
       490,
       4990,
       {"Scale", "Milk Jug", "Tamper", "Canister", "Gift Card"},
       {"Default Title"}},
  };
  return all;
}

const char* kAdjectives[] = {"Classic", "Organic",  "Bold",   "Smooth", "Nordic", "Alpine", "Velvet", "Wild",
                             "Morning", "Midnight", "Golden", "Rustic", "Urban",  "Pure",   "Bright"};

std::string handle_of(const std::string& title, std::int64_t id) {
  std::string h;
  for (char c : title)
    h += (c == ' ' || c == '&') ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h + "-" + std::to_string(id % 10000);
}

std::int64_t round_price(std::int64_t cents) { return cents / 100 * 100 + 90; }  // x.90 prices

}  // namespace

std::vector<Product> make_catalog(Rng& rng, size_t count) {
  std::vector<Product> catalog;
  catalog.reserve(count);
  std::int64_t variant_id = 44000000000;
  for (size_t i = 0; i < count; ++i) {
    const Category& cat = categories()[i % categories().size()];
    Product p;
    p.id = 8100000000 + static_cast<std::int64_t>(i) * 7;
    p.category = cat.name;
    p.vendor = cat.vendor;
    p.title =
        std::string(kAdjectives[rng.below(std::size(kAdjectives))]) + " " + cat.nouns[rng.below(cat.nouns.size())];
    if (i >= categories().size() * 3) p.title += " No. " + std::to_string(i);
    p.handle = handle_of(p.title, p.id);
    double s = rng.uniform();
    p.status = s < 0.90 ? "ACTIVE" : s < 0.96 ? "DRAFT" : "ARCHIVED";
    p.consumable = cat.consumable;
    p.refill_days = cat.refill_days;
    p.has_description = !rng.chance(0.06);                                 // defect: no description
    p.has_seo = !rng.chance(0.12);                                         // defect: no SEO title/description
    p.media = rng.chance(0.05) ? 0 : static_cast<int>(rng.between(1, 3));  // defect: no images
    p.media_without_alt = rng.chance(0.15);                                // defect: media without alt text
    int variants = static_cast<int>(std::min<size_t>(cat.variant_titles.size(), rng.between(1, 3)));
    std::int64_t base = round_price(rng.between(cat.min_price, cat.max_price));
    for (int v = 0; v < variants; ++v) {
      Variant var;
      var.id = variant_id++;
      var.title = cat.variant_titles[v];
      var.price = base + v * round_price(base / 3);
      var.unit_cost = var.price * rng.between(35, 60) / 100;
      var.sku = std::string(cat.name).substr(0, 3) + "-" + std::to_string(i) + "-" + std::to_string(v);
      for (auto& ch : var.sku) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      var.compare_at = rng.chance(0.25) ? var.price + round_price(var.price / 4) : 0;
      var.inventory = rng.between(0, 400);
      p.variants.push_back(var);
    }
    catalog.push_back(std::move(p));
  }
  // Planted defects an audit must find, at fixed places so every sample has them.
  if (count >= 40) {
    catalog[5].variants[0].price = 0;                                    // zero price
    catalog[13].variants[0].compare_at = catalog[13].variants[0].price;  // compare-at not above price
    catalog[21].variants[0].inventory = -3;                              // negative inventory
    catalog[22].variants[0].sku.clear();                                 // missing SKU
    catalog[30].variants[0].sku = catalog[31].variants[0].sku;           // duplicate SKU
    catalog[0].variants.front().inventory = 0;                           // a best seller out of stock
    for (auto& v : catalog[0].variants) v.inventory = 0;
  }
  // Companions: equipment goes with a consumable and the other way round.
  for (size_t i = 0; i < catalog.size(); ++i) {
    size_t j;
    do {
      j = rng.below(catalog.size());
    } while (j == i || (catalog[j].consumable == catalog[i].consumable && catalog.size() > 8 && rng.chance(0.8)));
    catalog[i].companion = j;
  }
  return catalog;
}

std::vector<double> popularity_weights(Rng& rng, const std::vector<Product>& catalog) {
  std::vector<size_t> rank(catalog.size());
  std::iota(rank.begin(), rank.end(), 0);
  for (size_t i = rank.size(); i > 1; --i) std::swap(rank[i - 1], rank[rng.below(i)]);
  std::vector<double> weights(catalog.size());
  for (size_t i = 0; i < catalog.size(); ++i) {
    double w = 1.0 / std::pow(static_cast<double>(rank[i] + 1), 1.1);
    if (catalog[i].consumable) w *= 1.5;
    if (catalog[i].status != "ACTIVE") w *= 0.2;  // drafts and archived sold before they were retired
    weights[i] = w;
  }
  weights[0] = *std::max_element(weights.begin(), weights.end()) * 1.2;  // the best seller (out of stock)
  return weights;
}

}  // namespace shopkeep::demo
