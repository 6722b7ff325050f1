#include "output/format.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace shopkeep::output;

TEST_CASE("csv follows RFC 4180") {
  Json rows = Json::array({{{"a", 1}, {"b", "x,y"}}, {{"a", nullptr}, {"b", "say \"hi\"\nbye"}}});
  std::ostringstream out;
  write_listing(out, Format::csv, rows);
  CHECK(out.str() == "a,b\r\n1,\"x,y\"\r\n,\"say \"\"hi\"\"\nbye\"\r\n");
}

TEST_CASE("json, ndjson and table") {
  Json rows = Json::array({{{"id", 1}, {"name", "Ann"}}, {{"id", 22}, {"name", "Bo"}}});
  std::ostringstream json, nd, table;
  write_listing(json, Format::json, rows);
  write_listing(nd, Format::ndjson, rows);
  write_listing(table, Format::table, rows);
  CHECK(Json::parse(json.str()) == rows);
  CHECK(nd.str() == "{\"id\":1,\"name\":\"Ann\"}\n{\"id\":22,\"name\":\"Bo\"}\n");
  CHECK(table.str() == "id  name\n1   Ann\n22  Bo\n");
}

TEST_CASE("an empty listing is [] in json and nothing in table") {
  std::ostringstream json, table;
  write_listing(json, Format::json, Json::array());
  write_listing(table, Format::table, Json::array());
  CHECK(json.str() == "[]\n");
  CHECK(table.str().empty());
}

TEST_CASE("objects flatten for table and csv") {
  Json o = {{"a", 1}, {"b", {{"c", "x"}}}};
  std::ostringstream table, csv;
  write_object(table, Format::table, o);
  write_object(csv, Format::csv, o);
  CHECK(table.str() == "a    1\nb.c  x\n");
  CHECK(csv.str() == "a,b.c\r\n1,x\r\n");
}

TEST_CASE("tables are for people: rates as percentages, rounded numbers, visible control characters") {
  CHECK(people_text("returning_customer_rate", Json(0.7338709677419355)) == "73.4%");
  CHECK(people_text("csat", Json(1.0)) == "100%");
  CHECK(people_text("p_alive", Json(0.5)) == "50%");
  CHECK(people_text("lift", Json(3.9563)) == "3.96");
  CHECK(people_text("p_value", Json(0.09757299999999999)) == "0.0976");
  CHECK(people_text("first_reply_minutes_median", Json(1234.5678)) == "1234.6");
  CHECK(people_text("orders", Json(12)) == "12");
  CHECK(people_text("title", Json("Mug\x1b[31m red\nline")) == "Mug\\x1b[31m red line");
  CHECK(people_text("items", Json::array({1, 2})) == "1, 2");
}

TEST_CASE("--fields picks and orders columns in every format; an unknown one is a usage error") {
  Json rows = Json::array({{{"id", 1}, {"name", "Ann"}, {"spend", "9.50"}}});
  OutputOptions o;
  o.fields = {"spend", "id"};
  for (auto f : {Format::csv, Format::json, Format::table}) {
    o.format = f;
    std::ostringstream out;
    write_listing(out, o, rows);
    if (f == Format::csv) CHECK(out.str() == "spend,id\r\n9.50,1\r\n");
    if (f == Format::json) CHECK(Json::parse(out.str()) == Json::parse(R"([{"spend":"9.50","id":1}])"));
    if (f == Format::table) CHECK(out.str() == "spend  id\n9.50   1\n");
  }
  o.fields = {"nope"};
  std::ostringstream out;
  CHECK_THROWS_WITH(write_listing(out, o, rows), doctest::Contains("--fields: no field 'nope'"));
}

TEST_CASE("empty listings: a sentence in a table, the header in csv") {
  OutputOptions o;
  std::ostringstream table, csv;
  write_listing(table, o, Json::array(), {"No checkouts to chase.", {"a", "b"}});
  CHECK(table.str() == "No checkouts to chase.\n");
  o.format = Format::csv;
  write_listing(csv, o, Json::array(), {"No checkouts to chase.", {"a", "b"}});
  CHECK(csv.str() == "a,b\r\n");
}

TEST_CASE("a table fits the terminal: the last columns are left out and named") {
  Json rows = Json::array({{{"id", 1}, {"name", "Ann"}, {"long_column_name", "x"}, {"another", "y"}}});
  OutputOptions o;
  o.width = 12;
  std::ostringstream out;
  auto fit = write_listing(out, o, rows);
  CHECK(out.str() == "id  name\n1   Ann\n");
  CHECK(fit.hidden_columns == std::vector<std::string>{"long_column_name", "another"});
}

TEST_CASE("visible_text: control characters shown, never sent to the terminal") {
  CHECK(visible_text("\x1b[31mEvil") == "\\x1b[31mEvil");
  CHECK(visible_text("a\tb\rc\nd") == "a b c d");
  CHECK(visible_text("line one\nline two\x07", true) == "line one\nline two\\x07");
  CHECK(visible_text("Ünïcode stays") == "Ünïcode stays");
}

TEST_CASE("a listing written row by row is the same bytes as the whole listing, in every format") {
  Json rows = Json::array({{{"id", 1}, {"name", "Ann"}, {"tags", Json::array({"a", "b"})}},
                           {{"id", 22}, {"name", "Bo \"B\""}, {"tags", Json::array()}}});
  for (auto format : {Format::json, Format::ndjson, Format::csv, Format::table}) {
    for (std::vector<std::string> fields : {std::vector<std::string>{}, std::vector<std::string>{"name", "id"}}) {
      OutputOptions o;
      o.format = format;
      o.fields = fields;
      std::ostringstream whole, streamed;
      write_listing(whole, o, rows);
      ListingWriter listing(streamed, o, {"No results.", {"id", "name", "tags"}}, rows.size());
      for (const auto& row : rows) listing.add(row);
      listing.finish();
      CHECK(streamed.str() == whole.str());
    }
  }
  OutputOptions o;
  o.fields = {"nope"};
  std::ostringstream out;
  CHECK_THROWS(ListingWriter(out, o, {"No results.", {"id"}}));
}

TEST_CASE("a streamed table sizes its columns on the first rows and cuts later ones to them") {
  OutputOptions o;
  std::ostringstream out;
  ListingWriter listing(out, o, {"No rows.", {"id", "v"}}, 2);
  listing.add({{"id", 1}, {"v", "ab"}});
  listing.add({{"id", 2}, {"v", "abc"}});
  CHECK(out.str() == "id  v\n1   ab\n2   abc\n");  // written once the sizing rows came
  listing.add({{"id", 300}, {"v", "abcdef"}});
  auto fit = listing.finish();
  CHECK(out.str() == "id  v\n1   ab\n2   abc\n3\xE2\x80\xA6  ab\xE2\x80\xA6\n");
  CHECK(fit.truncated_cells);
}
