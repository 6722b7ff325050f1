#include "demo/generator.hpp"

#include "core/error.hpp"
#include "demo/catalog.hpp"
#include "demo/commerce.hpp"
#include "demo/json_line.hpp"
#include "demo/output_file.hpp"
#include "demo/people.hpp"
#include "demo/support.hpp"

namespace shopkeep::demo {

namespace fs = std::filesystem;

Instant sample_now() { return *parse_rfc3339("2026-09-30T12:00:00Z"); }

namespace {

void write_shop(const fs::path& file) {
  OutputFile out(file);
  JsonLine j;
  out.line(j.begin()
               .str("id", "gid://shopify/Shop/72000000")
               .str("name", "Northwind Coffee")
               .str("email", "hello@northwind-coffee.example")
               .str("ianaTimezone", "Europe/Berlin")
               .str("currencyCode", "EUR")
               .str("myshopifyDomain", "northwind-coffee.myshopify.com")
               .end());
  out.close();
}

}  // namespace

GeneratedShop generate_shop(const fs::path& dir, const ShopSize& size) {
  if (size.customers == 0 || size.products == 0)
    throw usage_error("the shop needs at least one customer and one product");
  std::error_code ec;
  fs::create_directories(dir / "shopify", ec);
  fs::create_directories(dir / "zendesk", ec);
  if (ec) throw runtime_error("cannot create " + dir.string() + ": " + ec.message());
  std::int64_t end = sample_now().time_since_epoch().count();
  std::int64_t start = end - 730 * 86400;
  // Separate streams per part: changing the number of tickets never changes the orders.
  Rng catalog_rng(size.seed), people_rng(size.seed + 1), orders_rng(size.seed + 2), support_rng(size.seed + 3);
  auto catalog = make_catalog(catalog_rng, size.products);
  auto people = make_people(people_rng, size.customers);
  write_shop(dir / "shopify" / "shop.jsonl");
  write_products(dir / "shopify" / "products.jsonl", catalog, start);
  auto commerce =
      write_commerce(dir / "shopify", orders_rng, catalog, people, {size.orders, size.checkouts, start, end});
  auto tickets = write_support(dir / "zendesk", support_rng, people, {size.tickets, start, end});
  GeneratedShop shop;
  shop.customers = people.size();
  shop.products = catalog.size();
  shop.orders = commerce.orders;
  shop.line_items = commerce.line_items;
  shop.checkouts = commerce.checkouts;
  shop.tickets = tickets;
  return shop;
}

}  // namespace shopkeep::demo
