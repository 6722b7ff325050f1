#include "analytics/recommend/purchases.hpp"

#include <doctest/doctest.h>

#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::recommend;

namespace {

void add_order(store::Db& db, std::int64_t id, std::optional<std::int64_t> customer, const char* processed_at) {
  store::Stmt s(db, "INSERT INTO orders (id, customer_id, processed_at, raw, synced_at) VALUES (?1, ?2, ?3, '{}', '')");
  s.bind(1, id).bind(2, customer).bind(3, processed_at).run();
}

void add_line(store::Db& db, std::int64_t order, std::int64_t product, int quantity,
              std::optional<std::int64_t> current = std::nullopt) {
  store::Stmt s(db,
                "INSERT INTO order_lines (order_id, product_id, title, quantity, current_quantity, raw, synced_at) "
                "VALUES (?1, ?2, 'Old title', ?3, ?4, '{}', '')");
  s.bind(1, order).bind(2, product).bind(3, quantity).bind(4, current).run();
}

}  // namespace

TEST_CASE("load_purchases: baskets oldest first whatever the order ids, distinct and sorted items") {
  testing::TempStore store;
  auto& db = store.db();
  db.exec(
      "INSERT INTO products (id, title, handle, status, raw, synced_at) VALUES "
      "(10, 'Tea', 'tea', 'ACTIVE', '{}', ''), (20, 'Mug', 'mug', 'ACTIVE', '{}', '')");
  // Ids in the opposite order of time, as when a shop's orders are numbered per customer.
  add_order(db, 3, 7, "2026-01-01T10:00:00Z");
  add_line(db, 3, 20, 1);
  add_line(db, 3, 10, 2);
  add_line(db, 3, 20, 1);                                  // the same product twice: one item
  add_order(db, 2, std::nullopt, "2026-01-02T10:00:00Z");  // a guest
  add_line(db, 2, 10, 1);
  add_order(db, 1, 7, "2026-01-03T10:00:00Z");
  add_line(db, 1, 30, 1);                       // a product the catalog does not have: known by its line's title
  add_line(db, 1, 20, 1, 0);                    // refunded: no units left
  add_order(db, 4, 7, "2026-01-03T10:00:00Z");  // same time as order 1: by order id
  add_line(db, 4, 10, 1, 0);                    // nothing left on it: no basket
  add_order(db, 5, 8, "2026-02-01T10:00:00Z");  // after --now
  add_line(db, 5, 10, 1);
  auto now = *parse_rfc3339("2026-01-15T00:00:00Z");

  auto data = load_purchases(db, now);
  REQUIRE(data.purchases.size() == 3);
  const auto& c = data.catalog;
  auto item = [&](std::int64_t id) { return c.index.at(id); };
  CHECK(data.purchases[0].order_id == 3);
  CHECK(data.purchases[0].customer_id == 7);
  CHECK(data.purchases[0].items == std::vector<Item>{item(10), item(20)});
  CHECK(data.purchases[1].order_id == 2);
  CHECK_FALSE(data.purchases[1].customer_id);
  CHECK(data.purchases[2].order_id == 1);
  CHECK(data.purchases[2].items == std::vector<Item>{item(30)});
  CHECK(c.title[item(30)] == "Old title");
  CHECK_FALSE(c.available[item(30)]);
  CHECK(data.purchases[0].at < data.purchases[1].at);
}
