#include "shopify/record_writer.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "core/error.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using shopkeep::testing::TempStore;

namespace {

// Writes the lines as one import: a transaction, the writer, finish, commit.
shopify::WriteCounts write_all(TempStore& store, const std::vector<std::string>& lines,
                               const std::string& synced_at = "2026-01-01T00:00:00Z") {
  SilentReporter reporter;
  store::Transaction tx(store.db());
  shopify::RecordWriter writer(store.db(), reporter, synced_at);
  std::uint64_t n = 0;
  for (const auto& l : lines) writer.write(l, {"test.jsonl", ++n}, false);
  writer.finish();
  tx.commit();
  return writer.counts();
}

std::string order(int id, const std::string& updated, const std::string& name = "#1") {
  return R"({"id":"gid://shopify/Order/)" + std::to_string(id) + R"(","name":")" + name + R"(","updatedAt":")" +
         updated +
         R"(","createdAt":"2025-01-01T10:00:00+01:00","test":false,"customer":{"id":"gid://shopify/Customer/7"},)"
         R"("totalPriceSet":{"shopMoney":{"amount":"19.90","currencyCode":"EUR"}},"discountCodes":["A"]})";
}

std::string line_item(int id, int order_id, int qty = 1) {
  return R"({"id":"gid://shopify/LineItem/)" + std::to_string(id) + R"(","quantity":)" + std::to_string(qty) +
         R"(,"product":{"id":"gid://shopify/Product/9"},"originalUnitPriceSet":{"shopMoney":{"amount":"9.95","currencyCode":"EUR"}},"__parentId":"gid://shopify/Order/)" +
         std::to_string(order_id) + R"("})";
}

}  // namespace

TEST_CASE("orders and line items map to typed columns") {
  TempStore s;
  write_all(s, {order(1, "2025-01-02T00:00:00Z"), line_item(11, 1, 2)});
  CHECK(s.text("SELECT total_price FROM orders WHERE id = 1") == "19.90");
  CHECK(s.text("SELECT currency FROM orders WHERE id = 1") == "EUR");
  CHECK(s.text("SELECT created_at FROM orders WHERE id = 1") == "2025-01-01T09:00:00Z");
  CHECK(s.count("SELECT customer_id FROM orders WHERE id = 1") == 7);
  CHECK(s.text("SELECT discount_codes FROM orders WHERE id = 1") == R"(["A"])");
  CHECK(s.count("SELECT quantity FROM order_lines WHERE id = 11") == 2);
  CHECK(s.text("SELECT unit_price FROM order_lines WHERE id = 11") == "9.95");
  CHECK(s.count("SELECT product_id FROM order_lines WHERE id = 11") == 9);
}

TEST_CASE("children before their parent are kept") {
  TempStore s;
  auto counts = write_all(s, {line_item(11, 1), line_item(12, 1), order(1, "2025-01-02T00:00:00Z")});
  CHECK(s.count("SELECT count(*) FROM order_lines WHERE order_id = 1") == 2);
  CHECK(counts.orphans == 0);
}

TEST_CASE("a newer parent replaces its children as a set; an older one changes nothing") {
  TempStore s;
  write_all(s, {order(1, "2025-01-02T00:00:00Z"), line_item(11, 1), line_item(12, 1)});
  write_all(s, {order(1, "2025-01-03T00:00:00Z", "#1-new"), line_item(13, 1)});
  CHECK(s.text("SELECT name FROM orders WHERE id = 1") == "#1-new");
  CHECK(s.count("SELECT count(*) FROM order_lines WHERE order_id = 1") == 1);
  auto counts = write_all(s, {order(1, "2025-01-01T00:00:00Z", "#1-old"), line_item(14, 1)});
  CHECK(s.text("SELECT name FROM orders WHERE id = 1") == "#1-new");
  CHECK(s.count("SELECT count(*) FROM order_lines WHERE order_id = 1") == 1);
  CHECK(counts.older_skipped == 2);
}

TEST_CASE("equal updatedAt: the later arrival wins") {
  TempStore s;
  write_all(s, {order(1, "2025-01-02T00:00:00Z", "first"), order(1, "2025-01-02T00:00:00Z", "second")});
  CHECK(s.text("SELECT name FROM orders WHERE id = 1") == "second");
}

TEST_CASE("an orphan child is skipped and counted") {
  TempStore s;
  auto counts = write_all(s, {line_item(11, 404)});
  CHECK(counts.orphans == 1);
  CHECK(s.count("SELECT count(*) FROM order_lines") == 0);
}

TEST_CASE("unknown types are skipped and counted") {
  TempStore s;
  auto counts = write_all(s, {R"({"id":"gid://shopify/Fulfillment/1"})", R"({"id":"gid://shopify/Fulfillment/2"})"});
  CHECK(counts.unknown_types.at("Fulfillment") == 2);
}

TEST_CASE("old and new customer consent shapes") {
  TempStore s;
  write_all(
      s,
      {
          R"({"id":"gid://shopify/Customer/1","defaultEmailAddress":{"emailAddress":"a@x.com","marketingState":"SUBSCRIBED"},"numberOfOrders":"3"})",
          R"({"id":"gid://shopify/Customer/2","email":"b@x.com","emailMarketingConsent":{"marketingState":"UNSUBSCRIBED","consentUpdatedAt":"2024-01-01T00:00:00Z"}})",
      });
  CHECK(s.text("SELECT email FROM customers WHERE id = 1") == "a@x.com");
  CHECK(s.text("SELECT email_marketing_state FROM customers WHERE id = 1") == "SUBSCRIBED");
  CHECK(s.count("SELECT number_of_orders FROM customers WHERE id = 1") == 3);
  CHECK(s.text("SELECT email FROM customers WHERE id = 2") == "b@x.com");
  CHECK(s.text("SELECT email_marketing_state FROM customers WHERE id = 2") == "UNSUBSCRIBED");
  CHECK(s.text("SELECT email_marketing_updated_at FROM customers WHERE id = 2") == "2024-01-01T00:00:00Z");
}

TEST_CASE("checkout lines keep non-numeric GIDs; checkout email comes from the customer") {
  TempStore s;
  write_all(
      s,
      {
          R"({"id":"gid://shopify/AbandonedCheckoutLineItem/ab12?checkout=5&index=0","quantity":1,"__parentId":"gid://shopify/AbandonedCheckout/5"})",
          R"({"id":"gid://shopify/AbandonedCheckout/5","customer":{"id":"gid://shopify/Customer/3"},"updatedAt":"2025-01-01T00:00:00Z"})",
          R"({"id":"gid://shopify/Customer/3","defaultEmailAddress":{"emailAddress":"c@x.com"}})",
      });
  CHECK(s.text("SELECT id FROM checkout_lines") == "gid://shopify/AbandonedCheckoutLineItem/ab12?checkout=5&index=0");
  CHECK(s.text("SELECT email FROM checkouts WHERE id = 5") == "c@x.com");
}

TEST_CASE("bad lines name file and line") {
  TempStore s;
  auto expect_error = [&](const std::vector<std::string>& lines, const std::string& needle) {
    try {
      write_all(s, lines);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::runtime);
      CHECK_MESSAGE(std::string(e.what()).find(needle) != std::string::npos, e.what());
    }
  };
  expect_error({order(1, "2025-01-02T00:00:00Z"), "{not json"}, "test.jsonl:2: invalid JSON");
  expect_error({R"({"name":"x"})"}, "test.jsonl:1: no usable id");
  expect_error({R"({"id":"gid://shopify/Order/abc"})"}, "no usable id");
  expect_error({R"({"id":"gid://shopify/Order/1","createdAt":"yesterday"})"}, "field createdAt: invalid time");
  expect_error({R"({"id":"gid://shopify/Order/1","test":"no"})"}, "field test: expected true or false");
  CHECK(s.count("SELECT count(*) FROM orders") == 0);  // nothing of a failed import is kept
}

TEST_CASE("an order's inline refunds become rows, replaced with the order as a set") {
  TempStore s;
  auto with_refunds = [](const std::string& updated, const std::string& refunds) {
    std::string o = order(1, updated);
    o.pop_back();
    return o + R"(,"cartDiscountAmountSet":{"shopMoney":{"amount":"2.00","currencyCode":"EUR"}},)"
               R"("customerJourneySummary":{"daysToConversion":3,"firstVisit":{"source":"google","sourceType":"AD",)"
               R"("utmParameters":{"source":"google","medium":"cpc","campaign":"brand"}},"lastVisit":null},)"
               R"("refunds":)" +
           refunds + "}";
  };
  std::string two =
      R"([{"id":"gid://shopify/Refund/71","createdAt":"2025-02-01T10:00:00+01:00","totalRefundedSet":{"shopMoney":{"amount":"5.00","currencyCode":"EUR"}}},)"
      R"({"id":"gid://shopify/Refund/72","createdAt":"2025-03-01T00:00:00Z","totalRefundedSet":{"shopMoney":{"amount":"1.50","currencyCode":"EUR"}}}])";
  write_all(s, {with_refunds("2025-03-02T00:00:00Z", two)});
  CHECK(s.count("SELECT count(*) FROM refunds WHERE order_id = 1") == 2);
  CHECK(s.text("SELECT created_at || ' ' || amount || ' ' || currency FROM refunds WHERE id = 71") ==
        "2025-02-01T09:00:00Z 5.00 EUR");
  CHECK(s.text("SELECT cart_discount_amount FROM orders") == "2.00");
  CHECK(s.text("SELECT first_visit_source_type || ' ' || first_visit_utm_medium || ' ' || days_to_conversion FROM orders") ==
        "AD cpc 3");
  CHECK(s.text("SELECT last_visit_source FROM orders") == "<null>");
  // A newer version with one refund less: the set is replaced; an older one changes nothing.
  std::string one =
      R"([{"id":"gid://shopify/Refund/72","createdAt":"2025-03-01T00:00:00Z","totalRefundedSet":{"shopMoney":{"amount":"1.50","currencyCode":"EUR"}}}])";
  write_all(s, {with_refunds("2025-03-03T00:00:00Z", one)});
  CHECK(s.count("SELECT count(*) FROM refunds") == 1);
  write_all(s, {with_refunds("2025-01-01T00:00:00Z", two)});
  CHECK(s.count("SELECT count(*) FROM refunds") == 1);
  CHECK_THROWS(write_all(s, {with_refunds("2025-04-01T00:00:00Z", R"([{"createdAt":"2025-03-01T00:00:00Z"}])")}));
}

TEST_CASE("amounts: decimals only, and no more decimals than the MoneyBag's currency has") {
  auto order_with = [](const std::string& amount, const std::string& currency) {
    return R"({"id":"gid://shopify/Order/5","totalPriceSet":{"shopMoney":{"amount":")" + amount +
           R"(","currencyCode":")" + currency + R"("}}})";
  };
  TempStore s;
  CHECK_THROWS_WITH_AS(write_all(s, {order_with("abc", "EUR")}),
                       doctest::Contains("field totalPriceSet/shopMoney/amount: expected a decimal amount"), Error);
  CHECK_THROWS_WITH_AS(write_all(s, {order_with("12.345", "EUR")}),
                       doctest::Contains("12.345 has more decimals than EUR allows (2"), Error);
  CHECK_THROWS_WITH_AS(write_all(s, {order_with("100.5", "JPY")}),
                       doctest::Contains("more decimals than JPY allows (0"), Error);
  write_all(s, {order_with("12.340", "EUR")});
  CHECK(s.text("SELECT total_price FROM orders WHERE id = 5") == "12.340");  // the exact text, as given
  write_all(s, {order_with("1.234", "KWD")});
  CHECK(s.text("SELECT total_price FROM orders WHERE id = 5") == "1.234");
}

TEST_CASE("quantities from 0 to a billion; an order without test is not a test order") {
  TempStore s;
  CHECK_THROWS_WITH_AS(write_all(s, {order(1, "2025-01-02T00:00:00Z"), line_item(11, 1, -1)}),
                       doctest::Contains("test.jsonl:2: field quantity: expected a quantity from 0"), Error);
  write_all(s, {R"({"id":"gid://shopify/Order/2"})", R"({"id":"gid://shopify/Order/3","test":null})"});
  CHECK(s.count("SELECT count(*) FROM orders WHERE id IN (2, 3) AND test = 0") == 2);
}

TEST_CASE("a Shop line with an unknown time zone is refused at its line") {
  TempStore s;
  CHECK_THROWS_WITH_AS(write_all(s, {R"({"id":"gid://shopify/Shop/1","ianaTimezone":"Europe/Atlantis"})"}),
                       doctest::Contains("test.jsonl:1: field ianaTimezone: unknown time zone 'Europe/Atlantis'"),
                       Error);
  write_all(s, {R"({"id":"gid://shopify/Shop/1","ianaTimezone":"Europe/Berlin"})"});
  CHECK(s.text("SELECT timezone FROM shop") == "Europe/Berlin");
}
