#include "zendesk/body_writer.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using shopkeep::testing::TempStore;
using nlohmann::json;

namespace {

void write(TempStore& store, const json& body) {
  SilentReporter reporter;
  store::Transaction tx(store.db());
  zendesk::BodyWriter writer(store.db(), reporter, "2026-10-01T00:00:00Z");
  writer.write(body, "test.json");
  tx.commit();
}

json ticket(int id, const std::string& status, const std::string& updated, const std::string& subject = "Help") {
  return {{"id", id},          {"status", status},     {"subject", subject}, {"description", "Text of " + subject},
          {"requester_id", 5}, {"updated_at", updated}, {"created_at", "2026-01-01T00:00:00Z"}, {"group_id", 77},
          {"organization_id", 88}};
}

}  // namespace

TEST_CASE("a deleted ticket reads the same whatever the sync history") {
  TempStore seen_live, fresh;
  write(seen_live, json{{"tickets", json::array({ticket(1, "open", "2026-02-01T00:00:00Z")})}});
  json deleted = ticket(1, "deleted", "2026-03-01T00:00:00Z", "SCRUBBED");
  deleted["description"] = "SCRUBBED";
  write(seen_live, json{{"tickets", json::array({deleted})}});
  write(fresh, json{{"tickets", json::array({deleted})}});
  for (auto* store : {&seen_live, &fresh}) {
    CHECK(store->text("SELECT status FROM tickets WHERE id = 1") == "deleted");
    CHECK(store->text("SELECT deleted_at FROM tickets WHERE id = 1") == "2026-03-01T00:00:00Z");
  }
  // The store that saw it live keeps what it knew: the last real status and the unscrubbed text.
  CHECK(seen_live.text("SELECT last_live_status FROM tickets WHERE id = 1") == "open");
  CHECK(seen_live.text("SELECT subject FROM tickets WHERE id = 1") == "Help");
  CHECK(seen_live.text("SELECT description FROM tickets WHERE id = 1") == "Text of Help");
  CHECK(fresh.text("SELECT last_live_status FROM tickets WHERE id = 1") == "<null>");
  CHECK(seen_live.text("SELECT group_id || ' ' || organization_id FROM tickets WHERE id = 1") == "77 88");
}

TEST_CASE("metrics inside each ticket (metric_set) or beside them (metric_sets)") {
  TempStore store;
  json t = ticket(1, "solved", "2026-02-01T00:00:00Z");
  t["metric_set"] = {{"id", 500}, {"ticket_id", 1}, {"reply_time_in_minutes", {{"calendar", 17}, {"business", 11}}},
                     {"updated_at", "2026-02-01T00:00:00Z"}};
  json other = ticket(2, "open", "2026-02-01T00:00:00Z");
  json metric = {{"id", 501}, {"ticket_id", 2}, {"reply_time_in_minutes", {{"calendar", 5}}}};
  json body = json::object();
  body["tickets"] = json::array({t, other});
  body["metric_sets"] = json::array({metric});
  write(store, body);
  CHECK(store.text("SELECT reply_time_calendar_minutes FROM ticket_metrics WHERE ticket_id = 1") == "17");
  CHECK(store.text("SELECT reply_time_calendar_minutes FROM ticket_metrics WHERE ticket_id = 2") == "5");
}

TEST_CASE("CSAT survey responses, organizations and groups") {
  TempStore store;
  json response = {
      {"id", "01J1WB51MG6HXTYWE6Q0C93RNW"},
      {"responder_id", 4398080151295},
      {"subjects", {{{"id", "99"}, {"type", "ticket"}, {"zrn", "zen:ticket:99"}}}},
      {"answers",
       {{{"type", "rating_scale"}, {"rating", 4}, {"rating_category", "good"}, {"created_at", "2024-08-14T12:00:00.000Z"},
         {"updated_at", "2024-08-14T12:05:00.000Z"}},
        {{"type", "open_ended"}, {"value", "Quick and kind"}, {"created_at", "2024-08-14T12:00:00.000Z"}}}}};
  json responses = json::object();
  responses["survey_responses"] = json::array({response});
  write(store, responses);
  CHECK(store.text("SELECT ticket_id || ' ' || rating || ' ' || score || ' ' || comment FROM csat_responses") ==
        "99 4 good Quick and kind");
  CHECK(store.text("SELECT created_at FROM csat_responses") == "2024-08-14T12:00:00Z");
  json organization = {{"id", 88},
                       {"name", "Acme"},
                       {"updated_at", "2026-01-01T00:00:00Z"},
                       {"deleted_at", nullptr},
                       {"domain_names", json::array({"acme.example"})}};
  json group = {{"id", 77}, {"name", "Billing"}, {"deleted", true}, {"updated_at", "2026-02-01T00:00:00Z"}};
  json teams = json::object();
  teams["organizations"] = json::array({organization});
  teams["groups"] = json::array({group});
  write(store, teams);
  CHECK(store.text("SELECT name || ' ' || domain_names FROM zendesk_organizations") == "Acme [\"acme.example\"]");
  CHECK(store.text("SELECT name || ' ' || deleted_at FROM zendesk_groups") == "Billing 2026-02-01T00:00:00Z");
}

TEST_CASE("fields of the wrong type are named, not the JSON library's type_error") {
  TempStore s;
  json bad = ticket(1, "open", "2026-01-02T00:00:00Z");
  bad["status"] = 5;
  CHECK_THROWS_WITH_AS(write(s, {{"tickets", json::array({bad})}}),
                       doctest::Contains("test.json: tickets[0] (id 1): field status: expected a string, got 5"),
                       Error);
  json events = {
      {"ticket_events", {{{"id", 2}, {"ticket_id", 1}, {"child_events", {{{"id", 3}, {"event_type", 7}}}}}}}};
  CHECK_THROWS_WITH_AS(write(s, events),
                       doctest::Contains("child_events[0]: field event_type: expected a string, got 7"), Error);
  json nulls = {{"id", 4}, {"status", nullptr}, {"via", nullptr}, {"tags", nullptr}, {"requester_id", nullptr}};
  write(s, {{"tickets", json::array({nulls})}});
  CHECK(s.count("SELECT count(*) FROM tickets WHERE id = 4 AND status IS NULL") == 1);
}

TEST_CASE("ids beyond int64 are refused; a deleted ticket without updated_at is deleted as of the import") {
  TempStore s;
  json huge = ticket(1, "open", "2026-01-02T00:00:00Z");
  huge["id"] = std::uint64_t{18446744073709551615u};
  CHECK_THROWS_WITH_AS(write(s, {{"tickets", json::array({huge})}}),
                       doctest::Contains("is beyond the store's 64-bit integer ids"), Error);
  json requester = ticket(2, "open", "2026-01-02T00:00:00Z");
  requester["requester_id"] = std::uint64_t{9223372036854775808u};
  CHECK_THROWS_WITH_AS(write(s, {{"tickets", json::array({requester})}}),
                       doctest::Contains("field requester_id: expected a 64-bit integer"), Error);
  json deleted = {{"id", 3}, {"status", "deleted"}};
  write(s, {{"tickets", json::array({deleted})}});
  CHECK(s.text("SELECT deleted_at FROM tickets WHERE id = 3") == "2026-10-01T00:00:00Z");
}
