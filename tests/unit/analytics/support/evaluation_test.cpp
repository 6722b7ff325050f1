#include "analytics/support/evaluation.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep::analytics::support;

TEST_CASE("evaluation counts a confusion matrix, per-class precision and recall, and the majority baselines") {
  shopkeep::testing::TempStore tmp;
  auto file = (tmp.dir() / "labelled.jsonl").string();
  std::ofstream(file)
      << R"({"text": "The courier lost my parcel, tracking is stuck", "category": "shipping", "needs_human": false}
# a comment line, then a blank one

{"subject": "Refund", "comments": ["I sent it back", "Still no refund. I will file a chargeback."], "category": "returns", "needs_human": true}
{"text": "Is the tea organic?", "category": "shipping", "needs_human": false}
)";
  auto items = read_labelled_tickets(file);
  REQUIRE(items.size() == 3);
  CHECK(items[1].line == 4);
  CHECK(items[1].facts.messages.size() == 2);
  Triager triager{TriageConfig{}};
  auto e = evaluate(items, triager);
  CHECK(e.items == 3);
  CHECK(e.category_correct == 2);
  CHECK(e.majority_class == "shipping");
  CHECK(e.true_positive == 1);
  CHECK(e.true_negative == 2);
  auto j = to_json(e);
  CHECK(j["category"]["accuracy"].get<double>() == doctest::Approx(2.0 / 3));
  CHECK(j["category"]["majority_baseline"].get<double>() == doctest::Approx(2.0 / 3));
  CHECK(j["needs_human"]["majority_baseline"].get<double>() == doctest::Approx(2.0 / 3));
  CHECK(j["needs_human"]["accuracy"].get<double>() == 1.0);
  CHECK(j["mistakes"].size() == 1);
  CHECK(j["mistakes"][0]["line"] == 5);
  CHECK(j["mistakes"][0]["predicted_category"] == "product_question");
  for (const auto& c : j["category"]["classes"])
    if (c["class"] == "shipping") {
      CHECK(c["recall"].get<double>() == 0.5);
      CHECK(c["precision"].get<double>() == 1.0);
    }
  CHECK(evaluation_text(e).find("confusion matrix") != std::string::npos);
}

TEST_CASE("a bad labelled line is an error naming file and line") {
  shopkeep::testing::TempStore tmp;
  auto file = (tmp.dir() / "bad.jsonl").string();
  std::ofstream(file) << "{\"text\": \"x\", \"category\": \"other\", \"needs_human\": \"yes\"}\n";
  CHECK_THROWS_WITH_AS(read_labelled_tickets(file), doctest::Contains("bad.jsonl:1: 'needs_human'"), shopkeep::Error);
}
