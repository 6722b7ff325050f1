#include "report/iso_week.hpp"

namespace shopkeep::report {

using namespace std::chrono;

Day monday_of(Day day) {
  weekday wd{day};
  return day - days{(wd.c_encoding() + 6) % 7};
}

namespace {

// Monday of ISO week 1 of `year`: the week holding 4 January.
Day week_one_monday(int year) { return monday_of(Day{std::chrono::year{year} / January / 4}); }

}  // namespace

IsoWeek iso_week_of(Day day) {
  Day thursday = monday_of(day) + days{3};  // the week belongs to the year of its Thursday
  int year = static_cast<int>(year_month_day{thursday}.year());
  auto week = (thursday - week_one_monday(year)).count() / 7 + 1;
  return {year, static_cast<int>(week)};
}

Day monday_of(IsoWeek week) {
  Day monday = week_one_monday(week.year) + days{7 * (week.week - 1)};
  if (week.week > 52 && iso_week_of(monday).year != week.year) monday -= days{7};
  return monday;
}

Day same_week_last_year(Day monday) {
  IsoWeek w = iso_week_of(monday);
  return monday_of(IsoWeek{w.year - 1, w.week});
}

BriefWeeks brief_weeks(Instant now, const Zone& zone) {
  Day week = monday_of(zone.local_day(now)) - days{7};
  return {week, week - days{7}, same_week_last_year(week)};
}

}  // namespace shopkeep::report
