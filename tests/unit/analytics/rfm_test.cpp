#include "analytics/rfm.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace shopkeep::analytics;

TEST_CASE("quintiles cut ties by rank, so a mass of equal values still gives five even groups") {
  std::vector<double> frequency(100, 1.0);  // everyone bought once
  for (int i = 0; i < 10; ++i) frequency[i] = 5;
  auto scores = quintile_scores(frequency);
  std::vector<int> per_score(6);
  for (int s : scores) ++per_score[s];
  for (int s = 1; s <= 5; ++s) CHECK(per_score[s] == 20);
  for (int i = 0; i < 10; ++i) CHECK(scores[i] == 5);  // the frequent buyers are in the top quintile
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
