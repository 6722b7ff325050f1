#include "analytics/support/vader.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::analytics::support;

namespace {
struct Example {
  const char* text;
  double compound, pos, neu, neg;
};
}  // namespace

TEST_CASE("VADER scores the reference implementation's own examples as the reference does") {
  // Expected values printed by vaderSentiment_reference.py (testdata/sentiment/) for these texts.
  const Example examples[] = {
      {"VADER is smart, handsome, and funny.", 0.8316, 0.746, 0.254, 0.0},
      {"VADER is smart, handsome, and funny!", 0.8439, 0.752, 0.248, 0.0},
      {"VADER is very smart, handsome, and funny.", 0.8545, 0.701, 0.299, 0.0},
      {"VADER is VERY SMART, handsome, and FUNNY.", 0.9227, 0.754, 0.246, 0.0},
      {"VADER is not smart, handsome, nor funny.", -0.7424, 0.0, 0.354, 0.646},
      {"The book was only kind of good.", 0.3832, 0.303, 0.697, 0.0},
      {"The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042, 0.094, 0.579,
       0.327},
      {"Today SUX!", -0.5461, 0.0, 0.221, 0.779},
      {"Today only kinda sux! But I'll get by, lol", 0.5249, 0.317, 0.556, 0.127},
      {"Sentiment analysis has never been good.", -0.3412, 0.0, 0.675, 0.325},
      {"Sentiment analysis has never been this good!", 0.5672, 0.379, 0.621, 0.0},
      {"With VADER, sentiment analysis is the shit!", 0.6476, 0.417, 0.583, 0.0},
      {"Roger Dodger is one of the least compelling variations on this theme.", -0.1695, 0.0, 0.868, 0.132},
      {"Without a doubt, excellent idea.", 0.7013, 0.659, 0.341, 0.0},
      {"Catch utf-8 emoji such as \xF0\x9F\x92\x98 and \xF0\x9F\x92\x8B and \xF0\x9F\x98\x81", 0.875, 0.417, 0.583,
       0.0},
      // The reference's "but" rule rescales the first word with an equal valence, not each word.
      {"bad bad bad but good", -0.2263, 0.332, 0.086, 0.582},
  };
  for (const auto& e : examples) {
    CAPTURE(e.text);
    auto p = rounded_as_reference(Vader::standard().polarity_scores(e.text));
    CHECK(p.compound == e.compound);
    CHECK(p.pos == e.pos);
    CHECK(p.neu == e.neu);
    CHECK(p.neg == e.neg);
  }
}

TEST_CASE("no words, no scores; invalid UTF-8 is scored, not rejected") {
  auto empty = Vader::standard().polarity_scores("   ");
  CHECK(empty.compound == 0);
  CHECK(empty.neu == 0);
  auto invalid = Vader::standard().polarity_scores("good \xFF\xFE product");
  CHECK(invalid.compound > 0);
}

TEST_CASE("the compound score is x / sqrt(x^2 + 15), clamped") {
  CHECK(normalize_valence(0) == 0);
  CHECK(normalize_valence(1) == doctest::Approx(0.25));
  CHECK(normalize_valence(-1e9) == doctest::Approx(-1));
}

TEST_CASE("python_round rounds the float's exact value to the nearest decimal, ties to even") {
  CHECK(python_round(0.12345, 4) == 0.1235);  // 0.12345 is stored a little above ...45
  CHECK(python_round(2.675, 2) == 2.67);      // 2.675 is stored a little below ...75
  CHECK(python_round(0.125, 2) == 0.12);      // an exact tie goes to even
  CHECK(python_round(-0.00004, 4) == 0.0);
}

TEST_CASE("negations: VADER's list and any n't") {
  CHECK(vader_negation("never"));
  CHECK(vader_negation("isn't"));
  CHECK(vader_negation("shouldn't've"));
  CHECK_FALSE(vader_negation("note"));
}
