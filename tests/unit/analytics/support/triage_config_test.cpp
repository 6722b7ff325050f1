#include "analytics/support/triage_config.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "core/config.hpp"
#include "core/error.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::analytics::support;

TEST_CASE("defaults without a [support] section") {
  auto c = load_triage_config(Config());
  CHECK(c.threshold == 30);
  CHECK(c.reply_hours.at("urgent") == 1);
  CHECK(c.points.threat == 40);
  CHECK(!c.lexicon.terms().empty());
  CHECK(c.categories.size() == 8);
}

TEST_CASE("every key of [support] is read, a relative lexicon path is the config file's neighbour") {
  testing::TempStore tmp;
  std::ofstream(tmp.dir() / "extra.tsv") << "cold brew\t-2\tthreat\n";
  std::ofstream(tmp.dir() / "config.toml") << R"(
[support]
escalate_threshold = 55
lexicon = "extra.tsv"
vip_segments = ["Champions"]
vip_tags = ["gold"]
repeat_window_days = 14
escalate_priority = "urgent"
[support.reply_hours]
normal = 8
[support.points]
threat = 50
)";
  auto c = load_triage_config(Config::load(tmp.dir() / "config.toml"));
  CHECK(c.threshold == 55);
  CHECK(c.reply_hours.at("normal") == 8);
  CHECK(c.points.threat == 50);
  CHECK(c.vip_segments == std::vector<std::string>{"Champions"});
  CHECK(c.vip_tags == std::vector<std::string>{"gold"});
  CHECK(c.repeat_window_days == 14);
  CHECK(c.escalate_priority == "urgent");
  CHECK(c.lexicon.terms().back().term == "cold brew");
}

TEST_CASE("bad values are usage errors naming the key") {
  auto fails = [](const char* toml, const char* key) {
    CHECK_THROWS_WITH_AS(load_triage_config(Config::parse(toml, "c.toml")), doctest::Contains(key), Error);
  };
  fails("[support]\nescalate_threshold = 101\n", "support.escalate_threshold");
  fails("[support.points]\nthreats = 3\n", "support.points.threats");
  fails("[support.reply_hours]\nnormal = 0\n", "support.reply_hours.normal");
  fails("[support.reply_hours]\nasap = 2\n", "support.reply_hours.asap");
  fails("[support]\nescalate_priority = \"now\"\n", "support.escalate_priority");
  fails("[support]\nlexicon_replace = true\n", "support.lexicon_replace");
  fails("[support]\nlexicon = \"/nonexistent/lexicon.tsv\"\n", "/nonexistent/lexicon.tsv");
  fails("[support]\nvip_segments = \"Champions\"\n", "support.vip_segments");
}

TEST_CASE("priority ranks") {
  CHECK(priority_rank("urgent") > priority_rank("high"));
  CHECK(priority_rank("low") > priority_rank(""));
}
