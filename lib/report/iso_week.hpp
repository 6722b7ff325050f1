#pragma once
// ISO 8601 weeks (Monday first; week 1 holds the year's first Thursday) on the shop's calendar
// days, and the three weeks the brief compares.
#include "core/time.hpp"

namespace shopkeep::report {

struct IsoWeek {
  int year = 0;  // the ISO year, which differs from the calendar year around New Year
  int week = 0;  // 1..53
};

Day monday_of(Day day);
IsoWeek iso_week_of(Day day);
// Monday of week `week` of ISO year `year`; week 53 of a year that has only 52 means week 52.
Day monday_of(IsoWeek week);
// Monday of the same ISO week number a year earlier (week 53 becomes week 52 in a 52-week year).
Day same_week_last_year(Day monday);

// The brief's weeks, as local Mondays: `week` is the last complete ISO week before the day of
// `now` (on Monday morning: last week), `previous` the week before it, `last_year` the same ISO
// week of the previous ISO year.
struct BriefWeeks {
  Day week, previous, last_year;
};
BriefWeeks brief_weeks(Instant now, const Zone& zone);

}  // namespace shopkeep::report
