#include "analytics/holdout.hpp"

#include <doctest/doctest.h>

#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics;

TEST_CASE("holdout draws are stable and roughly uniform") {
  CHECK(holdout_draw("cart-recovery", "customer:1") == holdout_draw("cart-recovery", "customer:1"));
  CHECK(holdout_draw("cart-recovery", "customer:1") != holdout_draw("winback", "customer:1"));
  int held = 0;
  for (int i = 0; i < 10000; ++i)
    if (holdout_draw("c", "customer:" + std::to_string(i)) < 10.0) ++held;
  CHECK(held > 900);
  CHECK(held < 1100);
}

TEST_CASE("an assignment persists even when the share changes") {
  testing::TempStore s;
  Instant now = *parse_rfc3339("2026-01-01T00:00:00Z");
  // Everyone in the holdout at 100%, then the stored arm stays at 0%.
  CHECK(assign_arm(s.db(), "c", "customer:7", 7, "a@x.com", 100, now) == "holdout");
  CHECK(assign_arm(s.db(), "c", "customer:7", 7, "a@x.com", 0, now) == "holdout");
  CHECK(assign_arm(s.db(), "c", "customer:8", 8, "b@x.com", 0, now) == "treatment");
  CHECK(holdout_subject(std::nullopt, " B@X.com") == "email:b@x.com");
}
