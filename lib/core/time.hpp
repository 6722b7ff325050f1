#pragma once
// Instants are UTC seconds; days and weeks are the shop's local calendar (explicit time zone).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace shopkeep {

using Instant = std::chrono::sys_seconds;
using Day = std::chrono::sys_days;  // a calendar date (no time zone attached)

// RFC 3339 ("2026-11-24T03:35:45Z", "...+01:00", fractional seconds allowed). nullopt if malformed.
std::optional<Instant> parse_rfc3339(std::string_view text);
// "2026-11-24T03:35:45Z"
std::string format_rfc3339(Instant t);
// "2026-11-24"
std::string format_date(Day d);
std::optional<Day> parse_date(std::string_view text);

// A time zone by IANA name; throws a usage error for an unknown name.
class Zone {
 public:
  explicit Zone(const std::string& iana_name = "UTC");
  const std::string& name() const { return name_; }
  Day local_day(Instant t) const;     // calendar day of t in this zone
  Instant start_of_day(Day d) const;  // the instant local midnight of d begins

 private:
  std::string name_;
  const void* zone_;  // const date::time_zone*, kept opaque so headers stay light
};

// A command-line time: RFC 3339, or YYYY-MM-DD meaning local midnight in `zone`.
// Throws a usage error naming `flag` when malformed.
Instant parse_time_arg(std::string_view text, const Zone& zone, std::string_view flag);

// [--from, --to) of a command: each flag parsed as above where given, else its default; a usage
// error unless from < to (the hint says --to defaults to --now when --to was not given).
std::pair<Instant, Instant> parse_range_args(const std::optional<std::string>& from,
                                             const std::optional<std::string>& to, std::pair<Instant, Instant> defaults,
                                             const Zone& zone);

// Durations "30m", "1h", "2d", "1w" (also "45s"). Throws a usage error naming `flag`.
std::chrono::seconds parse_duration(std::string_view text, std::string_view flag);

}  // namespace shopkeep
