// Inventory snapshots (lib/store/inventory_snapshots.cpp) and the demand history read from the
// store (lib/analytics/restock/variant_demand.cpp): units from currentQuantity, shop-local days,
// stockout days censored.
#include "analytics/restock/variant_demand.hpp"

#include <doctest/doctest.h>

#include "shopify/record_writer.hpp"
#include "store/inventory_snapshots.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::restock;
using shopkeep::testing::TempStore;

namespace {

void write_all(TempStore& store, const std::vector<std::string>& lines, const std::string& synced_at) {
  SilentReporter reporter;
  store::Transaction tx(store.db());
  shopify::RecordWriter writer(store.db(), reporter, synced_at);
  std::uint64_t n = 0;
  for (const auto& l : lines) writer.write(l, {"test.jsonl", ++n}, false);
  writer.finish();
  tx.commit();
}

std::string product(int stock, const std::string& updated) {
  return R"({"id":"gid://shopify/Product/1","title":"Mug","status":"ACTIVE","createdAt":"2026-03-01T12:00:00Z","updatedAt":")" +
         updated + R"("})" + "\n" +
         R"({"id":"gid://shopify/ProductVariant/11","title":"Default Title","price":"10.00","inventoryQuantity":)" +
         std::to_string(stock) + R"(,"__parentId":"gid://shopify/Product/1"})";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(text.substr(start, nl - start));
  out.push_back(text.substr(start));
  return out;
}

// An order at `at` of `quantity` units of which `current` are still on the order.
std::vector<std::string> order(int id, const std::string& at, int quantity, int current) {
  return {
      R"({"id":"gid://shopify/Order/)" + std::to_string(id) + R"(","processedAt":")" + at + R"(","updatedAt":")" + at +
          R"(","test":false,"currencyCode":"EUR"})",
      R"({"id":"gid://shopify/LineItem/)" + std::to_string(id) + R"(","quantity":)" + std::to_string(quantity) +
          R"(,"currentQuantity":)" + std::to_string(current) +
          R"(,"variant":{"id":"gid://shopify/ProductVariant/11"},"product":{"id":"gid://shopify/Product/1"},"__parentId":"gid://shopify/Order/)" +
          std::to_string(id) + R"("})"};
}

}  // namespace

TEST_CASE("an import snapshots the stock it brought, per shop-local day; the last of the day wins") {
  TempStore store;
  Zone berlin("Europe/Berlin");
  write_all(store, lines_of(product(5, "2026-03-01T12:00:00Z")), "2026-03-01T23:30:00Z");
  CHECK(store::snapshot_inventory(store.db(), "2026-03-01T23:30:00Z", berlin) == 1);
  CHECK(store.text("SELECT day || ' ' || inventory_quantity FROM inventory_snapshots") == "2026-03-02 5");
  write_all(store, lines_of(product(3, "2026-03-02T08:00:00Z")), "2026-03-02T09:00:00Z");
  store::snapshot_inventory(store.db(), "2026-03-02T09:00:00Z", berlin);
  CHECK(store.count("SELECT count(*) FROM inventory_snapshots") == 1);
  CHECK(store.text("SELECT inventory_quantity FROM inventory_snapshots") == "3");
  // A run that brought no variants snapshots nothing (its stock figures would be stale).
  CHECK(store::snapshot_inventory(store.db(), "2026-03-05T09:00:00Z", berlin) == 0);
}

TEST_CASE("daily demand: current quantities, local days, and the days since the stock ran out censored") {
  TempStore store;
  std::vector<std::string> lines = lines_of(product(0, "2026-03-10T12:00:00Z"));
  for (const auto& l : order(1, "2026-03-01T23:30:00Z", 3, 3)) lines.push_back(l);  // 2 March in Berlin
  for (const auto& l : order(2, "2026-03-03T10:00:00Z", 4, 1)) lines.push_back(l);  // 3 of 4 refunded
  for (const auto& l : order(3, "2026-03-05T10:00:00Z", 2, 2)) lines.push_back(l);  // its last units
  write_all(store, lines, "2026-03-10T12:00:00Z");
  store::ShopSettings shop{Zone("Europe/Berlin"), "EUR", 2};
  auto variants =
      load_variant_demand(store.db(), shop, *parse_rfc3339("2026-03-10T12:00:00Z"), VariantScope::tracked_active);
  REQUIRE(variants.size() == 1);
  const auto& v = variants[0];
  CHECK(v.facts.on_hand == 0);
  // The product was created on 1 March, but the store's data begins with its first order (2 March).
  CHECK(format_date(v.history.first_day()) == "2026-03-02");
  REQUIRE(v.history.days() == 8);  // 2 to 9 March; today (the 10th) is not over
  CHECK(v.history.units(0) == 3);
  CHECK(v.history.units(1) == 1);
  CHECK(v.history.units(3) == 2);
  CHECK(v.units_sold == 6);
  // Current stock 0 and nothing sold after 5 March: it ran out that day; 5 to 9 March are censored.
  CHECK(v.censored_days == 5);
  CHECK_FALSE(v.history.censored(2));
  CHECK(v.history.censored(3));
  CHECK(v.history.censored(7));
}
