#include "analytics/support/shop_lexicon.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "core/error.hpp"

using namespace shopkeep::analytics::support;

TEST_CASE("the built-in lexicon reads shop mail VADER misses: never arrived is negative, chargeback a threat") {
  auto lexicon = ShopLexicon::builtin();
  const auto& vader = Vader::standard();
  double plain = vader.polarity_scores("My parcel never arrived.").compound;
  auto shop = lexicon.score(vader, "My parcel never arrived.");
  CHECK(plain > -0.05);
  CHECK(shop.polarity.compound < -0.3);
  auto threat = lexicon.score(vader, "Refund me or I file a CHARGEBACK with my card company.");
  REQUIRE(!threat.signals.empty());
  CHECK(threat.signals.front().signal == Signal::threat);
  CHECK(threat.signals.front().term == "chargeback");  // the words as written, not the pattern chargeback*
}

TEST_CASE("neutralisers take out VADER's politeness: I'd like to return it is no praise") {
  auto lexicon = ShopLexicon::builtin();
  const auto& vader = Vader::standard();
  CHECK(vader.polarity_scores("I'd like to return it please").compound > 0.3);
  CHECK(lexicon.score(vader, "I'd like to return it please").polarity.compound < 0.2);
}

TEST_CASE("a user's file overrides a built-in term and adds new ones; bad lines name the file and line") {
  auto lexicon = ShopLexicon::builtin();
  size_t before = lexicon.terms().size();
  lexicon.extend(ShopLexicon::parse("# mine\nrefund*\t-3.5\tthreat\ncold brew\t-1\n", "mine.tsv"));
  CHECK(lexicon.terms().size() == before + 1);
  auto it =
      std::find_if(lexicon.terms().begin(), lexicon.terms().end(), [](const auto& t) { return t.term == "refund*"; });
  REQUIRE(it != lexicon.terms().end());
  CHECK(it->valence == -3.5);
  CHECK(it->signal == Signal::threat);
  CHECK_THROWS_WITH_AS(ShopLexicon::parse("ok\t1\nbad line\n", "mine.tsv"), doctest::Contains("mine.tsv:2"),
                       shopkeep::Error);
  CHECK_THROWS_WITH_AS(ShopLexicon::parse("x\t9\n", "mine.tsv"), doctest::Contains("-4..4"), shopkeep::Error);
  CHECK_THROWS_WITH_AS(ShopLexicon::parse("x\t1\tangry\n", "mine.tsv"), doctest::Contains("unknown signal"),
                       shopkeep::Error);
}

TEST_CASE("a term after 'but' weighs more, as VADER weighs its own words") {
  auto lexicon = ShopLexicon::parse("meh\t-1\n", "t.tsv");
  const auto& vader = Vader::standard();
  double alone = lexicon.score(vader, "it is meh").polarity.compound;
  double after_but = lexicon.score(vader, "it is here but meh").polarity.compound;
  CHECK(after_but < alone);
}
