#include "demo/generator.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "demo/random.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<nlohmann::json> lines_of(const std::filesystem::path& p) {
  std::vector<nlohmann::json> out;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

demo::ShopSize small() {
  demo::ShopSize s;
  s.customers = 300;
  s.orders = 1200;
  s.products = 60;
  s.checkouts = 80;
  s.tickets = 150;
  return s;
}

}  // namespace

TEST_CASE("the PRNG is the same everywhere for a seed") {
  demo::Rng a(7), b(7), c(8);
  for (int i = 0; i < 5; ++i) CHECK(a.next() == b.next());
  CHECK(demo::Rng(7).next() != c.next());
  demo::Rng r(1);
  double sum = 0;
  for (int i = 0; i < 10000; ++i) sum += r.uniform();
  CHECK(sum / 10000 == doctest::Approx(0.5).epsilon(0.02));
}

TEST_CASE("same seed and sizes: the same bytes; another seed: other bytes") {
  testing::TempStore t;
  auto size = small();
  demo::generate_shop(t.dir() / "a", size);
  demo::generate_shop(t.dir() / "b", size);
  size.seed += 1;
  demo::generate_shop(t.dir() / "c", size);
  for (const char* f : {"shopify/orders.jsonl", "shopify/customers.jsonl", "shopify/products.jsonl",
                        "shopify/checkouts.jsonl", "zendesk/tickets.json", "zendesk/ticket_events.json"}) {
    CHECK_MESSAGE(slurp(t.dir() / "a" / f) == slurp(t.dir() / "b" / f), f);
  }
  CHECK(slurp(t.dir() / "a" / "shopify/orders.jsonl") != slurp(t.dir() / "c" / "shopify/orders.jsonl"));
}

TEST_CASE("shape: requested sizes, GIDs, children pointing at parents") {
  testing::TempStore t;
  auto size = small();
  auto shop = demo::generate_shop(t.dir() / "s", size);
  CHECK(shop.orders == size.orders);
  CHECK(shop.customers == size.customers);
  auto orders = lines_of(t.dir() / "s/shopify/orders.jsonl");
  std::set<std::string> order_ids;
  std::uint64_t roots = 0;
  for (const auto& o : orders) {
    REQUIRE(o["id"].get<std::string>().rfind("gid://shopify/", 0) == 0);
    if (!o.contains("__parentId")) ++roots, order_ids.insert(o["id"]);
  }
  CHECK(roots == size.orders);
  for (const auto& o : orders)
    if (o.contains("__parentId")) CHECK(order_ids.count(o["__parentId"]) == 1);
  auto checkouts = lines_of(t.dir() / "s/shopify/checkouts.jsonl");
  std::uint64_t checkout_roots = 0;
  for (const auto& c : checkouts) checkout_roots += !c.contains("__parentId");
  CHECK(checkout_roots == size.checkouts);
  auto tickets = nlohmann::json::parse(slurp(t.dir() / "s/zendesk/tickets.json"));
  CHECK(tickets["tickets"].size() == size.tickets);
  CHECK(tickets["metric_sets"].size() == size.tickets);
}

TEST_CASE("realism: one-time buyers, best sellers, refills, consent, defects") {
  testing::TempStore t;
  demo::generate_shop(t.dir() / "s", small());
  std::map<std::string, int> per_customer, per_product;
  std::uint64_t line_items = 0;
  for (const auto& o : lines_of(t.dir() / "s/shopify/orders.jsonl")) {
    if (o.contains("__parentId")) {
      ++per_product[o["product"]["id"].get<std::string>()];
      ++line_items;
    } else if (!o["customer"].is_null()) {
      ++per_customer[o["customer"]["id"].get<std::string>()];
    }
  }
  int once = 0;
  for (const auto& [_, n] : per_customer) once += n == 1;
  CHECK(static_cast<double>(once) / static_cast<double>(per_customer.size()) > 0.5);
  std::vector<int> counts;
  for (const auto& [_, n] : per_product) counts.push_back(n);
  std::sort(counts.rbegin(), counts.rend());
  int top = 0;
  for (size_t i = 0; i < counts.size() / 10; ++i) top += counts[i];
  CHECK(static_cast<double>(top) / static_cast<double>(line_items) > 0.4);
  int without_consent = 0, old_shape = 0;
  for (const auto& c : lines_of(t.dir() / "s/shopify/customers.jsonl")) {
    const auto& consent = c.contains("defaultEmailAddress") ? c["defaultEmailAddress"] : c["emailMarketingConsent"];
    without_consent += consent["marketingState"] != "SUBSCRIBED";
    old_shape += c.contains("emailMarketingConsent");
  }
  CHECK(without_consent > 0);
  CHECK(old_shape > 0);
  int products_without_media = 0;
  std::set<std::string> with_media;
  std::vector<std::string> products;
  for (const auto& p : lines_of(t.dir() / "s/shopify/products.jsonl")) {
    if (!p.contains("__parentId"))
      products.push_back(p["id"]);
    else if (p["id"].get<std::string>().find("MediaImage") != std::string::npos)
      with_media.insert(p["__parentId"]);
  }
  for (const auto& p : products) products_without_media += with_media.count(p) == 0;
  CHECK(products_without_media > 0);
}
