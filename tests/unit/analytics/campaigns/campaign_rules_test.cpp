#include "analytics/campaigns/campaign_rules.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "core/error.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::campaigns;

namespace {

Config config(testing::TempStore& s, const std::string& toml) {
  auto path = s.dir() / "c.toml";
  std::ofstream(path) << toml;
  return Config::load(path);
}

}  // namespace

TEST_CASE("campaign rules: defaults, shared [email] keys, per-campaign overrides") {
  testing::TempStore s;
  auto winback = load_campaign_rules(Config(), Kind::winback);
  CHECK(winback.gate.campaign == "winback");
  CHECK(winback.steps.size() == 2);
  CHECK(winback.incentive_for(1).text() == "none");
  CHECK(winback.incentive_for(2).text() == "10%");
  CHECK(winback.gate.holdout_percent == 10);
  auto c = config(s,
                  "[email]\nholdout = 20\nfrequency_cap = \"2d\"\n[email.refill]\nholdout = 5\nsteps = \"0d,3d\"\n"
                  "incentives = \"none,free_shipping\"\nitems = 5\n");
  auto refill = load_campaign_rules(c, Kind::refill);
  CHECK(refill.gate.holdout_percent == 5);
  CHECK(refill.gate.frequency_cap == std::chrono::hours(48));
  CHECK(refill.incentive_for(2).text() == "free_shipping");
  CHECK(refill.items == 5);
  CHECK(load_campaign_rules(c, Kind::cross_sell).gate.holdout_percent == 20);
}

TEST_CASE("bad campaign rules are usage errors naming the key") {
  testing::TempStore s;
  CHECK_THROWS_WITH_AS(load_campaign_rules(config(s, "[email.winback]\nsteps = \"7d,1d\"\n"), Kind::winback),
                       doctest::Contains("email.winback.steps"), Error);
  CHECK_THROWS_WITH_AS(load_campaign_rules(config(s, "[email.refill]\nincentives = \"200%\"\n"), Kind::refill),
                       doctest::Contains("email.refill.incentives"), Error);
  CHECK_THROWS_WITH_AS(load_campaign_rules(config(s, "[email]\nholdout = 120\n"), Kind::winback),
                       doctest::Contains("holdout"), Error);
  CHECK_THROWS_AS(parse_kind("newsletter"), Error);
  CHECK(parse_kind("cross-sell") == Kind::cross_sell);
}
