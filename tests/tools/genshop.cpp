// genshop: writes the deterministic sample shop at any size, for benchmarks and fake servers.
// genshop --out DIR [--customers N] [--orders N] [--products N] [--checkouts N] [--tickets N] [--seed S]
#include <CLI/CLI.hpp>

#include <iostream>

#include "core/error.hpp"
#include "demo/generator.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Write the sample shop as Shopify bulk JSONL and Zendesk response bodies", "genshop"};
  std::string out;
  shopkeep::demo::ShopSize size;
  app.add_option("--out", out, "output folder (shopify/ and zendesk/ go inside)")->required();
  app.add_option("--customers", size.customers, "customers")->capture_default_str();
  app.add_option("--orders", size.orders, "orders (guest orders included)")->capture_default_str();
  app.add_option("--products", size.products, "products")->capture_default_str();
  app.add_option("--checkouts", size.checkouts, "abandoned checkouts")->capture_default_str();
  app.add_option("--tickets", size.tickets, "support tickets")->capture_default_str();
  app.add_option("--seed", size.seed, "random seed (same seed and sizes: same bytes)")->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    shopkeep::demo::generate_shop(out, size);
  } catch (const shopkeep::Error& e) {
    std::cerr << "genshop: error: " << e.what() << '\n';
    return static_cast<int>(e.code());
  }
  return 0;
}
