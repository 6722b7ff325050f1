#include "analytics/campaigns/consumables.hpp"

#include <doctest/doctest.h>

#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::campaigns;

namespace {

int next_order = 1;

void bought(testing::TempStore& s, std::int64_t customer, std::int64_t product, const std::string& day) {
  int id = next_order++;
  store::Stmt(
      s.db(),
      "INSERT INTO orders (id, customer_id, processed_at, test, raw, synced_at) VALUES (?1, ?2, ?3, 0, '{}', ?3)")
      .bind(1, id)
      .bind(2, customer)
      .bind(3, day + "T10:00:00Z")
      .run();
  store::Stmt(
      s.db(),
      "INSERT INTO order_lines (id, order_id, product_id, quantity, raw, synced_at) VALUES (?1, ?1, ?2, 1, '{}', "
      "'x')")
      .bind(1, id)
      .bind(2, product)
      .run();
}

}  // namespace

TEST_CASE("regular repeat purchases make a consumable; irregular ones a durable good") {
  testing::TempStore s;
  for (int c = 1; c <= 3; ++c) {
    bought(s, c, 1, "2026-01-0" + std::to_string(c));
    bought(s, c, 1, "2026-02-0" + std::to_string(c));  // about a month apart
    bought(s, c, 1, "2026-03-0" + std::to_string(c));
  }
  bought(s, 1, 2, "2025-01-01");
  bought(s, 1, 2, "2025-04-11");  // 100 days
  bought(s, 2, 2, "2025-01-01");
  bought(s, 2, 2, "2025-01-11");  // 10 days
  bought(s, 3, 2, "2024-01-01");
  bought(s, 3, 2, "2024-10-27");  // 300 days
  auto h = purchase_history(s.db(), *parse_rfc3339("2026-04-01T00:00:00Z"), {1, 2}, "consumable");
  CHECK(h.patterns[1].repeat_customers == 3);
  CHECK(h.patterns[1].median_interval_days == doctest::Approx(30).epsilon(0.1));
  CHECK(is_consumable(h, 1, 3, 0.5));
  CHECK_FALSE(is_consumable(h, 2, 3, 0.5));
  CHECK_FALSE(is_consumable(h, 1, 4, 0.5));  // not enough repeat customers
  CHECK(h.last_bought.at({1, 1}) == "2026-03-01");

  SUBCASE("when the shop tags its consumables, the tag decides") {
    store::Stmt(s.db(),
                "INSERT INTO products (id, title, tags, raw, synced_at) VALUES (2, 'Grinder', '[\"Consumable\"]', "
                "'{}', 'x')")
        .run();
    auto tagged = purchase_history(s.db(), *parse_rfc3339("2026-04-01T00:00:00Z"), {1, 2}, "consumable");
    CHECK(tagged.shop_uses_tag);
    CHECK(is_consumable(tagged, 2, 3, 0.5));
    CHECK_FALSE(is_consumable(tagged, 1, 3, 0.5));
  }
}
