#include "analytics/periods.hpp"

#include "core/error.hpp"

namespace shopkeep::analytics {

using namespace std::chrono;

namespace {

constexpr std::pair<const char*, PeriodKind> kPeriodKinds[] = {
    {"day", PeriodKind::day}, {"week", PeriodKind::week}, {"month", PeriodKind::month}};

}  // namespace

PeriodKind parse_period_kind(const std::string& text) {
  for (const auto& [name, kind] : kPeriodKinds)
    if (text == name) return kind;
  throw usage_error("--by: invalid period '" + text + "'", "choose day, week or month");
}

std::vector<std::string> period_kind_names() {
  std::vector<std::string> names;
  for (const auto& k : kPeriodKinds) names.emplace_back(k.first);
  return names;
}

Day period_start_day(PeriodKind kind, Day day) {
  switch (kind) {
    case PeriodKind::day: return day;
    case PeriodKind::week: {
      weekday wd{day};
      return day - days{(wd.c_encoding() + 6) % 7};  // back to Monday
    }
    case PeriodKind::month: {
      year_month_day ymd{day};
      return Day{ymd.year() / ymd.month() / 1};
    }
  }
  return day;
}

Day next_period_day(PeriodKind kind, Day start) {
  switch (kind) {
    case PeriodKind::day: return start + days{1};
    case PeriodKind::week: return start + days{7};
    case PeriodKind::month: {
      year_month_day ymd{start};
      return Day{(ymd.year() / ymd.month() + months{1}) / 1};
    }
  }
  return start + days{1};
}

std::vector<Period> periods_between(PeriodKind kind, Instant from, Instant to, const Zone& zone) {
  std::vector<Period> out;
  if (!(from < to)) return out;
  Day day = period_start_day(kind, zone.local_day(from));
  while (true) {
    Day next = next_period_day(kind, day);
    Period p{day, zone.start_of_day(day), zone.start_of_day(next)};
    if (!(p.start < to)) break;
    if (out.size() == kMaxPeriods) {
      std::string unit;
      for (const auto& [name, k] : kPeriodKinds)
        if (k == kind) unit = name;
      throw usage_error("--from to --to spans more than " + std::to_string(kMaxPeriods) + " periods (" + unit + "s)",
                        "narrow --from/--to, or count by a longer period (--by week or month)");
    }
    out.push_back(p);
    day = next;
  }
  return out;
}

std::pair<Instant, Instant> whole_months_before(Instant now, int count, const Zone& zone) {
  Day this_month = period_start_day(PeriodKind::month, zone.local_day(now));
  year_month_day ymd{this_month};
  Day first = Day{(ymd.year() / ymd.month() - months{count}) / 1};
  return {zone.start_of_day(first), zone.start_of_day(this_month)};
}

}  // namespace shopkeep::analytics
