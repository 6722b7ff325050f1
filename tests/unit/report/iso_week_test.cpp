#include "report/iso_week.hpp"

#include <doctest/doctest.h>

using namespace shopkeep;
using namespace shopkeep::report;
using std::chrono::month;
using std::chrono::year;

namespace {
Day ymd(int y, unsigned m, unsigned d) { return Day{year{y} / month{m} / d}; }
}  // namespace

TEST_CASE("ISO weeks: the year of the Thursday, week 1 holds 4 January") {
  CHECK(iso_week_of(ymd(2026, 9, 30)).week == 40);
  auto new_year = iso_week_of(ymd(2027, 1, 1));  // a Friday: still week 53 of 2026
  CHECK(new_year.year == 2026);
  CHECK(new_year.week == 53);
  auto late_december = iso_week_of(ymd(2024, 12, 30));  // a Monday: week 1 of 2025
  CHECK(late_december.year == 2025);
  CHECK(late_december.week == 1);
  CHECK(monday_of(ymd(2026, 9, 30)) == ymd(2026, 9, 28));
  CHECK(monday_of(IsoWeek{2026, 1}) == ymd(2025, 12, 29));
}

TEST_CASE("the same week a year earlier, and week 53 in a 52-week year") {
  CHECK(same_week_last_year(ymd(2026, 9, 21)) == ymd(2025, 9, 22));  // both week 39
  // 2026 has 53 weeks, 2025 only 52: week 53 of 2026 compares with week 52 of 2025.
  CHECK(same_week_last_year(ymd(2026, 12, 28)) == ymd(2025, 12, 22));
  CHECK(monday_of(IsoWeek{2025, 53}) == ymd(2025, 12, 22));
}

TEST_CASE("the brief's week is the last complete week before the day of now, in the shop's zone") {
  Zone berlin("Europe/Berlin");
  // Wednesday 30 September 2026: last week is Monday 21 to Sunday 27.
  auto w = brief_weeks(*parse_rfc3339("2026-09-30T12:00:00Z"), berlin);
  CHECK(w.week == ymd(2026, 9, 21));
  CHECK(w.previous == ymd(2026, 9, 14));
  CHECK(w.last_year == ymd(2025, 9, 22));
  // Sunday 23:30 UTC is already Monday in Berlin: the week that just ended is complete.
  auto monday = brief_weeks(*parse_rfc3339("2026-09-27T23:30:00Z"), berlin);
  CHECK(monday.week == ymd(2026, 9, 21));
  auto sunday = brief_weeks(*parse_rfc3339("2026-09-27T23:30:00Z"), Zone("UTC"));
  CHECK(sunday.week == ymd(2026, 9, 14));
}
