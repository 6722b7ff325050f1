#include "analytics/support/tag_plan.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::analytics::support;

namespace {
Triage triage_of(const char* category, bool escalate) {
  Triage t;
  t.category = category;
  t.escalate = escalate;
  return t;
}
using Tags = std::vector<std::string>;
}  // namespace

TEST_CASE("tags to add, stale shopkeep tags to remove, the others kept") {
  auto c = plan_tag_change(7, {"vip", "shopkeep_category_other", "shopkeep_escalate"}, "normal",
                           triage_of("returns", false), std::nullopt, "2025-03-01T00:00:00Z");
  REQUIRE(c);
  CHECK(c->add == Tags{"shopkeep_category_returns"});
  CHECK(c->remove == Tags{"shopkeep_category_other", "shopkeep_escalate"});
  CHECK(c->tags == Tags{"vip", "shopkeep_category_returns"});
  CHECK(c->updated_stamp == "2025-03-01T00:00:00Z");
  CHECK(describe(*c) == "+shopkeep_category_returns -shopkeep_category_other -shopkeep_escalate");
}

TEST_CASE("a ticket that already has its tags needs no request") {
  CHECK_FALSE(plan_tag_change(7, {"shopkeep_escalate", "shopkeep_category_returns"}, "high", triage_of("returns", true),
                              std::string("high"), ""));
}

TEST_CASE("escalate_priority raises a lower priority and never lowers one") {
  auto c = plan_tag_change(7, {}, "", triage_of("payment", true), std::string("high"), "");
  REQUIRE(c);
  CHECK(c->priority_to == "high");
  CHECK(describe(*c) == "+shopkeep_escalate +shopkeep_category_payment; priority (none) -> high");
  auto urgent = plan_tag_change(7, {"shopkeep_escalate", "shopkeep_category_payment"}, "urgent",
                                triage_of("payment", true), std::string("high"), "");
  CHECK_FALSE(urgent);
  auto calm =
      plan_tag_change(7, {"shopkeep_category_payment"}, "low", triage_of("payment", false), std::string("high"), "");
  CHECK_FALSE(calm);  // not escalated: the priority stays
}
