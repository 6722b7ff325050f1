#include "report/change.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::report;

TEST_CASE("changes: arrows and percentages") {
  CHECK(change_text(change_between(112, 100)) == "↑ 12%");
  CHECK(change_text(change_between(96.5, 100)) == "↓ 3.5%");
  CHECK(change_text(change_between(100, 100)) == "→ 0%");
  CHECK(change_text(change_between(5, 0)) == "↑ new");
  CHECK(change_text(change_between(0, 0)) == "→ 0%");
  CHECK(change_text(change_between(std::nullopt, 3)) == "–");
  CHECK(change_text(change_between(3, std::nullopt)) == "–");
  CHECK(change_text(change_between(0, 8)) == "↓ 100%");
  CHECK(change_text(change_between(-50, -100)) == "↑ 50%");  // a smaller loss is up
  CHECK(change_words(change_between(112, 100)) == "up 12%");
  CHECK(change_words(change_between(1, 1)) == "no change");
  CHECK(change_between(109.96, 100).percent.value() == doctest::Approx(9.96));
  CHECK(change_text(change_between(109.96, 100)) == "↑ 10%");  // 9.96 rounds to 10.0, shown without a decimal
}
