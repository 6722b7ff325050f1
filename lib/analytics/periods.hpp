#pragma once
// Calendar periods in the shop's time zone: local days, ISO weeks (Monday first) and calendar
// months, as instants [start, end).
#include <string>
#include <vector>

#include "core/time.hpp"

namespace shopkeep::analytics {

enum class PeriodKind { day, week, month };

PeriodKind parse_period_kind(const std::string& text);  // usage error for anything else
std::vector<std::string> period_kind_names();           // what it accepts: day, week, month

struct Period {
  Day first_day;  // local calendar day the period starts on
  Instant start, end;
};

// The local day that starts the period containing `day`.
Day period_start_day(PeriodKind kind, Day day);
Day next_period_day(PeriodKind kind, Day start);

// The most periods one report lists (274 years of days): more is a typo in --from/--to, and would
// fill memory before it printed anything.
inline constexpr size_t kMaxPeriods = 100'000;

// Every period overlapping [from, to), oldest first; the first may start before `from`. A usage
// error past kMaxPeriods.
std::vector<Period> periods_between(PeriodKind kind, Instant from, Instant to, const Zone& zone);

// The 12 (or n) whole months before the month of `now`.
std::pair<Instant, Instant> whole_months_before(Instant now, int months, const Zone& zone);

}  // namespace shopkeep::analytics
