#include "zendesk/body_stream.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "core/error.hpp"
#include "support/temp_store.hpp"
#include "zendesk/body_writer.hpp"

using namespace shopkeep;
using nlohmann::json;
using shopkeep::testing::TempStore;

namespace {

// Streams `text` into the store; the error message when it throws, "" otherwise.
std::string stream(TempStore& store, const std::string& text, size_t* items = nullptr) {
  SilentReporter reporter;
  store::Transaction tx(store.db());
  zendesk::BodyWriter writer(store.db(), reporter, "2026-10-01T00:00:00Z");
  std::stringbuf in(text);
  try {
    zendesk::stream_body(in, "body.json", writer, [&](std::uint64_t) {
      if (items) ++*items;
    });
  } catch (const Error& e) {
    return e.what();
  }
  tx.commit();
  return "";
}

void write_parsed(TempStore& store, const std::string& text) {
  SilentReporter reporter;
  store::Transaction tx(store.db());
  zendesk::BodyWriter writer(store.db(), reporter, "2026-10-01T00:00:00Z");
  writer.write(json::parse(text), "body.json");
  tx.commit();
}

std::string dump(TempStore& store, const std::string& table) {
  std::string rows;
  store::Stmt s(store.db(), "SELECT id, raw FROM " + table + " ORDER BY id");
  while (s.step()) rows += s.get_text(0) + "|" + s.get_text(1) + "\n";
  return rows;
}

const char* kBody = R"({
  "users": [{"id": 5, "email": "ann@shop.test", "name": "Ann", "active": true}],
  "tickets": [
    {"id": 1, "status": "open", "requester_id": 5, "updated_at": "2026-02-01T00:00:00Z",
     "metric_set": {"id": 100, "ticket_id": 1, "reply_time_in_minutes": {"calendar": 12}}},
    {"id": 2, "status": "deleted", "requester_id": 5, "updated_at": "2026-03-01T00:00:00Z", "tags": [["nested"]]}
  ],
  "next_page": null, "count": 2, "links": {"next": {"href": "x"}}, "end_of_stream": true
})";

}  // namespace

TEST_CASE("a streamed body stores what the parsed body stores, item by item") {
  TempStore streamed, parsed;
  size_t items = 0;
  CHECK(stream(streamed, kBody, &items) == "");
  write_parsed(parsed, kBody);
  CHECK(items == 3);
  for (const char* table : {"tickets", "zendesk_users", "ticket_metrics"}) {
    CAPTURE(table);
    CHECK(dump(streamed, table) == dump(parsed, table));
  }
  CHECK(streamed.count("SELECT count(*) FROM tickets") == 2);
  CHECK(streamed.text("SELECT deleted_at FROM tickets WHERE id = 2") == "2026-03-01T00:00:00Z");
}

TEST_CASE("a streamed body: a byte order mark is skipped; a JSONL file is named as Shopify's") {
  TempStore store;
  CHECK(stream(store, "\xEF\xBB\xBF{\"tickets\": [{\"id\": 7, \"status\": \"open\"}]}") == "");
  CHECK(store.count("SELECT count(*) FROM tickets WHERE id = 7") == 1);
  CHECK(stream(store, "\n{\"id\":\"gid://shopify/Order/1\"}\n{\"id\":\"gid://shopify/Order/2\"}\n")
            .find("looks like a Shopify export") != std::string::npos);
}

TEST_CASE("a streamed body: errors name the line, the item and the field") {
  TempStore store;
  std::string bad_json = stream(store, "{\"tickets\": [\n{\"id\": 1},\n{\"id\": 2,,}]}");
  CHECK(bad_json.starts_with("body.json:3: invalid JSON: "));
  CHECK(bad_json.find("unexpected ','") != std::string::npos);
  CHECK(stream(store, "{\"tickets\": [{\"id\": 1, \"status\": 5}]}") ==
        "body.json: tickets[0] (id 1): field status: expected a string, got 5");
  CHECK(stream(store, "{\"tickets\": [3]}") == "body.json: tickets[0]: expected an object");
  CHECK(stream(store, "{\"tickets\": {\"id\": 1}}") == "body.json: 'tickets' is not an array");
  CHECK(stream(store, "[1, 2]") == "body.json: expected a JSON object (a Zendesk API response body)");
  CHECK(stream(store, "{\"count\": 1}").find("not a Zendesk response body I know (top-level keys: count)") !=
        std::string::npos);
  CHECK(stream(store, "{\"tickets\": [{\"id\": 1e400}]}") ==
        "body.json: invalid JSON: number overflow parsing '1e400'");
  std::string deep = "{\"tickets\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK(stream(store, deep) == "body.json:1: invalid JSON: nested deeper than 512 levels");
  CHECK(store.count("SELECT count(*) FROM tickets") == 0);
}
