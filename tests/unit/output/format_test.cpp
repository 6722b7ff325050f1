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
