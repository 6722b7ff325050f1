#include "analytics/recommend/model.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace shopkeep;
using namespace shopkeep::analytics::recommend;

namespace {

Instant day(int d) {
  return Instant(std::chrono::sys_days(std::chrono::year(2026) / 1 / 1) + std::chrono::days(d)) +
         std::chrono::hours(10);
}

Catalog catalog_of(int n) {
  Catalog c;
  for (int i = 0; i < n; ++i) {
    Item item = c.item_of(100 + i, "P" + std::to_string(i));
    c.available[item] = true;
  }
  return c;
}

std::vector<Item> items_of(const std::vector<Scored>& recs) {
  std::vector<Item> out;
  for (const auto& r : recs) out.push_back(r.item);
  return out;
}

bool contains(const std::vector<Scored>& recs, Item i) {
  return std::any_of(recs.begin(), recs.end(), [&](const Scored& r) { return r.item == i; });
}

// Products: 0 coffee and 1 tea (consumables: customers 1-3 re-buy them on other days), 2 kettle
// (a durable: five customers bought it, none again), 3 seasonal cards.
std::vector<Purchase> shop() {
  std::vector<Purchase> p;
  std::int64_t id = 0;
  auto order = [&](std::int64_t customer, int d, std::vector<Item> items) {
    std::sort(items.begin(), items.end());
    p.push_back({++id, customer, day(d), items});
  };
  for (std::int64_t c = 1; c <= 3; ++c) {
    order(c, 0, {0, 1, 2});
    order(c, 30, {0, 1});
    order(c, 60, {0, 3});
  }
  order(4, 5, {2, 0});
  order(5, 5, {3, 0});
  order(5, 40, {3});
  order(6, 41, {3});
  order(7, 2, {2});
  std::sort(p.begin(), p.end(), [](const Purchase& a, const Purchase& b) { return a.at < b.at; });
  return p;
}

}  // namespace

TEST_CASE("consumables are products several customers re-bought on another day; the rest are durables") {
  auto purchases = shop();
  auto catalog = catalog_of(4);
  Model model(purchases, catalog);
  CHECK(model.consumable(0));
  CHECK(model.consumable(1));
  CHECK_FALSE(model.consumable(2));  // the kettle: bought once by everyone who has one
  CHECK(model.durable(2));
  CHECK_FALSE(model.durable(3));  // cards: four buyers are too few to tell
  CHECK_FALSE(model.durable(0));
  CHECK_FALSE(model.consumable(3));  // cards: only customer 5 re-bought them
  REQUIRE(model.refill_interval_days(0));
  CHECK(*model.refill_interval_days(0) == doctest::Approx(30));
}

TEST_CASE("personal: own consumables, never a durable again, re-ranked by the shop's recent demand") {
  auto purchases = shop();
  auto catalog = catalog_of(4);
  ModelOptions options;
  options.min_refill_customers = 1;
  Model model(purchases, catalog, options);
  // Customer 1 bought coffee three times, tea twice, the kettle once.
  auto recs = model.personal(1, day(90), 4);
  CHECK_FALSE(contains(recs, 2));
  REQUIRE(recs.size() >= 2);
  CHECK(recs[0].item == 0);
  CHECK(recs[0].repeat);
  CHECK(recs[0].score > 1.0);  // repeat scores are above every explore score
  // On day 42 the shop has just bought cards (days 40 and 41) and no tea for 12 days: customer 1's
  // cards (one order) rank above their tea (two orders) within a short window.
  options.next_basket.trend_days = 5;
  options.next_basket.trend_power = 1.0;
  Model seasonal(purchases, catalog, options);
  auto at42 = items_of(seasonal.personal(1, day(42), 3));
  auto cards = std::find(at42.begin(), at42.end(), 3), tea = std::find(at42.begin(), at42.end(), 1);
  REQUIRE(cards != at42.end());
  CHECK((tea == at42.end() || cards < tea));
  // Without the trend (power 0) and without decay it is the customer's own frequency.
  options.next_basket.trend_power = 0;
  options.next_basket.recency_decay = 1.0;
  Model plain(purchases, catalog, options);
  CHECK(items_of(plain.personal(1, day(42), 2)) == std::vector<Item>{0, 1});
}

TEST_CASE("personal: only orders before the basket's day count towards the trend") {
  auto purchases = shop();
  auto catalog = catalog_of(4);
  ModelOptions options;
  options.min_refill_customers = 1;
  options.next_basket.trend_days = 2;
  Model model(purchases, catalog, options);
  // Cards were ordered on day 40 and on day 41 (10:00). As of day 41 at 23:00 the window is days
  // 39-40: the order of the basket's own day does not count; as of day 42 both do.
  auto same_day = model.personal(5, day(41) + std::chrono::hours(13), 1);
  auto next_day = model.personal(5, day(42), 1);
  REQUIRE(same_day.size() == 1);
  REQUIRE(next_day.size() == 1);
  CHECK(same_day[0].item == 3);
  CHECK(same_day[0].reason == "you bought it 2 times; in 1 of the shop's orders in the last 2 days");
  CHECK(next_day[0].reason == "you bought it 2 times; in 2 of the shop's orders in the last 2 days");
}

TEST_CASE("fbt: the anchor never, pairs below the minimum count or confidence never") {
  auto purchases = shop();
  auto catalog = catalog_of(4);
  Model model(purchases, catalog);
  auto recs = model.fbt({2}, 10);  // kettle: with coffee in 4 of its 5 orders, tea in 3
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].item == 0);
  CHECK(recs[0].score == doctest::Approx(0.8));
  CHECK(recs[0].reason == "in 80% of the orders with P2");
  CHECK(recs[1].item == 1);
  CHECK_FALSE(contains(recs, 2));
  ModelOptions strict;
  strict.min_pair_count = 4;
  Model fewer(purchases, catalog, strict);
  CHECK(items_of(fewer.fbt({2}, 10)) == std::vector<Item>{0});
  ModelOptions confident;
  confident.min_confidence = 0.7;  // tea is in 3 of the kettle's 5 orders
  Model sure(purchases, catalog, confident);
  CHECK(items_of(sure.fbt({2}, 10)) == std::vector<Item>{0});
}

TEST_CASE("similar for a customer: own consumables may come back, own durables never") {
  auto purchases = shop();
  auto catalog = catalog_of(4);
  Model model(purchases, catalog);
  auto recs = model.similar_for(4, 10);  // customer 4 bought the kettle and coffee
  CHECK_FALSE(contains(recs, 2));
  CHECK(contains(recs, 0));
  for (const auto& r : recs) CHECK(r.repeat == (r.item == 0));
  auto for_product = model.similar({2}, 10);
  CHECK_FALSE(contains(for_product, 2));
  CHECK(contains(for_product, 0));
}

TEST_CASE("unavailable products are never recommended") {
  auto purchases = shop();
  auto catalog = catalog_of(4);
  catalog.available[0] = false;
  Model model(purchases, catalog);
  CHECK_FALSE(contains(model.personal(1, day(90), 10), 0));
  CHECK_FALSE(contains(model.fbt({2}, 10), 0));
  CHECK_FALSE(contains(model.similar_for(1, 10), 0));
  CHECK_FALSE(contains(model.popularity(10), 0));
}
