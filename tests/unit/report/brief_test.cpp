#include "report/brief.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

using namespace shopkeep;
using namespace shopkeep::report;

TEST_CASE("brief actions: work to do first in urgency order, then the ones at zero") {
  std::vector<BriefAction> actions = {{"audit_errors", 0, 2, "", ""},
                                      {"winback", 0, 5, "", ""},
                                      {"carts", 0, 0, "", ""},
                                      {"tickets", 0, 1, "", ""},
                                      {"reorder", 0, 0, "", ""}};
  order_actions(actions);
  std::vector<std::string> kinds;
  for (const auto& a : actions) kinds.push_back(a.kind);
  CHECK(kinds == std::vector<std::string>{"tickets", "winback", "audit_errors", "carts", "reorder"});
  CHECK(actions.front().priority == 1);
  CHECK(actions.back().priority == 5);
}

TEST_CASE("the brief fits 80 columns even with big numbers, and its JSON has the contract's fields") {
  Brief b;
  b.shop.currency = "EUR";
  b.as_of = *parse_rfc3339("2026-09-30T12:00:00Z");
  b.weeks = brief_weeks(b.as_of, b.shop.zone);
  b.week.orders = 123456;
  b.week.gross_sales = 99999999999;  // 999,999,999.99
  b.week.aov = 81000;
  b.week.checkout_conversion = {1, 3};
  b.previous.orders = 100000;
  b.data_through = "2026-09-30T09:25:27Z";
  b.sources = {"shopify orders: 2026-09-30T11:00:00Z", "zendesk tickets: 2026-09-30T11:00:00Z",
               "shopify import: 2026-09-30T12:00:00Z"};
  b.actions = {{"winback", 1, 368, "368 good customers to win back", "shopkeep customers rfm"},
               {"audit_errors", 2, 0, "0 audit errors to fix", "shopkeep audit --fail-on error"}};
  std::istringstream text(brief_text(b));
  std::string line;
  int lines = 0;
  while (std::getline(text, line)) {
    ++lines;
    CHECK_MESSAGE(display_width(line) <= 80, line);
  }
  CHECK(lines <= 24);  // one screen
  auto j = to_json(b);
  CHECK(j["as_of"] == "2026-09-30T12:00:00Z");
  CHECK(j["data_through"] == "2026-09-30T09:25:27Z");
  CHECK(j["week"]["orders"]["value"] == 123456);
  CHECK(j["week"]["orders"]["previous"] == 100000);
  CHECK(j["week"]["net_sales"]["value"] == "999999999.99");
  CHECK(j["week"]["aov"]["value"] == "810.00");
  CHECK(j["week"]["aov"]["previous"].is_null());
  CHECK(j["week"]["checkout_conversion"]["value"].get<double>() == doctest::Approx(1.0 / 3));
  CHECK(j["week"]["csat"]["value"].is_null());
  REQUIRE(j["actions"].size() == 2);
  for (const char* key : {"kind", "priority", "count", "message", "command"}) CHECK(j["actions"][0].contains(key));
  CHECK(display_width("↑ 12%") == 5);
}
