#include "analytics/support/categories.hpp"

#include <doctest/doctest.h>

#include "analytics/support/vader.hpp"
#include "core/config.hpp"
#include "core/error.hpp"

using namespace shopkeep::analytics::support;

namespace {
std::vector<std::string> words_of(const std::string& text) {
  return matching_words(Vader::standard().analyse(text).lower_words);
}
std::string categorize(const Categorizer& c, const std::string& subject, const std::string& body,
                       std::vector<std::string> tags = {}, std::string channel = "") {
  return c.categorize({words_of(subject), {words_of(body)}, std::move(tags), std::move(channel)});
}
}  // namespace

TEST_CASE("the built-in rules know the codes of the contract, other last") {
  auto rules = builtin_category_rules();
  REQUIRE(rules.size() == 8);
  CHECK(rules.back().name == "other");
  for (const auto& r : rules) CHECK_MESSAGE(!r.keywords.empty(), r.name);
}

TEST_CASE("keywords, subject weight, tags and the fallback decide the category") {
  Categorizer c(builtin_category_rules());
  CHECK(categorize(c, "Tracking", "The courier says it was delivered to my neighbour") == "shipping");
  CHECK(categorize(c, "Refund", "I sent the jumper back last week") == "returns");
  CHECK(categorize(c, "Login", "I cannot sign in, the password reset email never comes") == "account");
  CHECK(categorize(c, "", "I was charged twice on my card") == "payment");
  CHECK(categorize(c, "hello", "good morning") == "other");
  CHECK(categorize(c, "hello", "good morning", {"Refund_Request"}) == "returns");  // tags, any case, with *
}

TEST_CASE("the config replaces or extends a rule and adds categories that win ties") {
  auto config = shopkeep::Config::parse(R"(
[support.categories.wholesale]
keywords = ["trade account", "wholesale"]
[support.categories.shipping]
add_keywords = ["carrier pigeon"]
[support.categories.complaint]
keywords = ["grumble"]
channels = ["Chat"]
)",
                                        "test.toml");
  auto rules = category_rules(config);
  CHECK(rules.front().name == "wholesale");
  Categorizer c(rules);
  CHECK(categorize(c, "", "I need a trade account for my cafe") == "wholesale");
  CHECK(categorize(c, "", "Send it by carrier pigeon") == "shipping");
  CHECK(categorize(c, "", "I want to grumble") == "complaint");
  CHECK(categorize(c, "", "hello there", {}, "chat") == "complaint");
  CHECK(categorize(c, "", "This is rude") == "other");  // complaint's built-in keywords were replaced

  auto bad = shopkeep::Config::parse("[support.categories.\"Big Spenders\"]\nkeywords = [\"x\"]\n", "bad.toml");
  CHECK_THROWS_WITH_AS(category_rules(bad), doctest::Contains("Big Spenders"), shopkeep::Error);
  auto not_list = shopkeep::Config::parse("[support.categories.returns]\nkeywords = \"refund\"\n", "bad.toml");
  CHECK_THROWS_WITH_AS(category_rules(not_list), doctest::Contains("array of strings"), shopkeep::Error);
}
