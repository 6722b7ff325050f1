#include "analytics/rfm.hpp"

#include <doctest/doctest.h>

#include <set>

#include "support/temp_store.hpp"

using namespace shopkeep::analytics;

TEST_CASE("quintiles score ties equally: the same value gets the same score") {
  std::vector<double> frequency(100, 1.0);  // most bought once
  for (int i = 0; i < 10; ++i) frequency[i] = 5;
  for (int i = 10; i < 20; ++i) frequency[i] = 2;
  auto scores = quintile_scores(frequency);
  for (int i = 20; i < 100; ++i) CHECK(scores[i] == 1);  // every one-order buyer alike, whatever their position
  for (int i = 10; i < 20; ++i) CHECK(scores[i] == 5);   // 80% buy less: 1 + floor(5 x 0.8)
  for (int i = 0; i < 10; ++i) CHECK(scores[i] == 5);
  CHECK(quintile_scores({3, 3, 3}) == std::vector<int>{1, 1, 1});
  CHECK(quintile_scores({1, 2, 3, 4, 5}) == std::vector<int>{1, 2, 3, 4, 5});  // distinct values: plain quintiles
  CHECK(quintile_scores({}).empty());
}

namespace {

void customer_with_orders(shopkeep::testing::TempStore& s, int customer, int orders, const std::string& first_day,
                          const char* total) {
  for (int i = 0; i < orders; ++i)
    shopkeep::store::Stmt(s.db(),
                          "INSERT INTO orders (id, customer_id, processed_at, created_at, test, total_price, raw, "
                          "synced_at) VALUES (?1, ?2, ?3, ?3, 0, ?4, '{}', ?3)")
        .bind(1, customer * 100 + i)
        .bind(2, customer)
        .bind(3, first_day + "T12:00:00Z")
        .bind(4, total)
        .run();
}

}  // namespace

TEST_CASE("one-order buyers are never Champions, Loyal or Can't Lose Them, however recent or big their order") {
  shopkeep::testing::TempStore s;
  // 60 one-order customers over two months, some with very large orders; 10 repeat customers.
  for (int c = 1; c <= 60; ++c) {
    std::string day =
        "2026-0" + std::to_string(3 + c % 2) + "-" + (c % 28 + 1 < 10 ? "0" : "") + std::to_string(c % 28 + 1);
    customer_with_orders(s, c, 1, day, c % 3 == 0 ? "900.00" : "30.00");
  }
  for (int c = 61; c <= 70; ++c) customer_with_orders(s, c, 1 + c % 4, "2026-02-1" + std::to_string(c % 10), "60.00");
  shopkeep::store::ShopSettings shop{shopkeep::Zone("UTC"), "EUR", 2};
  auto scores = rfm_scores(s.db(), *shopkeep::parse_rfc3339("2026-05-01T00:00:00Z"), shop);
  REQUIRE(scores.size() == 70);
  int one_order = 0;
  for (const auto& r : scores) {
    if (r.frequency != 1) continue;
    ++one_order;
    CHECK(r.f == 1);
    CHECK_MESSAGE(r.segment != "Champions", r.customer_id);
    CHECK_MESSAGE(r.segment != "Loyal", r.customer_id);
    CHECK_MESSAGE(r.segment != "Can't Lose Them", r.customer_id);
  }
  CHECK(one_order > 60);
  // Customers who ordered on the same day share a recency score.
  for (const auto& a : scores)
    for (const auto& b : scores)
      if (a.recency_days == b.recency_days) CHECK(a.r == b.r);
}

TEST_CASE("every named segment is reachable") {
  std::set<std::string> seen;
  for (int r = 1; r <= 5; ++r)
    for (int fm = 1; fm <= 5; ++fm) seen.insert(rfm_segment(r, fm));
  for (const char* s : {"Champions", "Loyal", "Potential Loyalist", "New", "Promising", "Need Attention",
                        "About To Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost"})
    CHECK_MESSAGE(seen.count(s) == 1, s);
  CHECK(seen.size() == 11);
  CHECK(rfm_segment(1, 5) == "Can't Lose Them");
  CHECK(rfm_segment(2, 3) == "At Risk");
  CHECK(rfm_segment(5, 5) == "Champions");
  CHECK(rfm_segment(1, 1) == "Lost");
}
