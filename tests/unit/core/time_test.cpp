#include "core/time.hpp"

#include <doctest/doctest.h>

#include "core/error.hpp"

using namespace shopkeep;
using namespace std::chrono;

TEST_CASE("parse_rfc3339 accepts Z, offsets and fractions, normalises to UTC") {
  CHECK(format_rfc3339(*parse_rfc3339("2024-03-01T10:20:30Z")) == "2024-03-01T10:20:30Z");
  CHECK(format_rfc3339(*parse_rfc3339("2024-03-01T10:20:30.123Z")) == "2024-03-01T10:20:30Z");
  CHECK(format_rfc3339(*parse_rfc3339("2024-03-01T01:20:30+02:00")) == "2024-02-29T23:20:30Z");
  CHECK(format_rfc3339(*parse_rfc3339("2024-03-01T22:00:00-05:30")) == "2024-03-02T03:30:00Z");
}

TEST_CASE("parse_rfc3339 keeps times within the years 0001 to 9999 after conversion to UTC") {
  CHECK_FALSE(parse_rfc3339("0000-06-01T00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("0001-01-01T00:30:00+01:00"));
  CHECK_FALSE(parse_rfc3339("9999-12-31T23:30:00-01:00"));
  CHECK(format_rfc3339(*parse_rfc3339("0001-01-01T00:00:00Z")) == "0001-01-01T00:00:00Z");
  CHECK(format_rfc3339(*parse_rfc3339("9999-12-31T23:59:59Z")) == "9999-12-31T23:59:59Z");
}

TEST_CASE("parse_rfc3339 rejects malformed text") {
  CHECK_FALSE(parse_rfc3339("2024-03-01"));
  CHECK_FALSE(parse_rfc3339("2024-03-01T10:20:30"));
  CHECK_FALSE(parse_rfc3339("2024-02-30T10:20:30Z"));
  CHECK_FALSE(parse_rfc3339("2024-03-01T25:20:30Z"));
  CHECK_FALSE(parse_rfc3339("yesterday"));
  CHECK_FALSE(parse_rfc3339("2024-03-01T10:20:30Zjunk"));
  CHECK_FALSE(parse_rfc3339("2024-03-01T10:20:30+99:99"));
  CHECK_FALSE(parse_rfc3339("2024-03-01T10:20:30+24:00"));
  CHECK_FALSE(parse_rfc3339("2024-03-01T10:20:30+05:60"));
}

TEST_CASE("Zone: local days and midnights around DST") {
  Zone berlin("Europe/Berlin");
  // 23:30 UTC on 31 March is already 1 April in Berlin (UTC+2 after the DST change).
  CHECK(format_date(berlin.local_day(*parse_rfc3339("2024-03-31T23:30:00Z"))) == "2024-04-01");
  CHECK(format_date(berlin.local_day(*parse_rfc3339("2024-01-31T22:59:59Z"))) == "2024-01-31");
  CHECK(format_rfc3339(berlin.start_of_day(*parse_date("2024-07-01"))) == "2024-06-30T22:00:00Z");
  CHECK(format_rfc3339(berlin.start_of_day(*parse_date("2024-01-01"))) == "2023-12-31T23:00:00Z");
  CHECK_THROWS_AS(Zone("Mars/Olympus"), Error);
}

TEST_CASE("parse_time_arg: RFC 3339 or a local date") {
  Zone ny("America/New_York");
  CHECK(format_rfc3339(parse_time_arg("2024-01-15", ny, "--from")) == "2024-01-15T05:00:00Z");
  CHECK(format_rfc3339(parse_time_arg("2024-01-15T00:00:00Z", ny, "--from")) == "2024-01-15T00:00:00Z");
  try {
    parse_time_arg("15/01/2024", ny, "--from");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()).find("--from") != std::string::npos);
  }
}

TEST_CASE("parse_duration") {
  CHECK(parse_duration("30m", "--x") == seconds{1800});
  CHECK(parse_duration("1h", "--x") == seconds{3600});
  CHECK(parse_duration("2d", "--x") == seconds{172800});
  CHECK(parse_duration("1w", "--x") == seconds{604800});
  CHECK_THROWS_AS(parse_duration("h", "--x"), Error);
  CHECK_THROWS_AS(parse_duration("10y", "--x"), Error);
  CHECK_THROWS_AS(parse_duration("-1h", "--x"), Error);
}
