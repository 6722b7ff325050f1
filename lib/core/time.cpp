#include "core/time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cctype>
#include <sstream>

#include "core/error.hpp"

namespace shopkeep {
namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

std::optional<Day> parse_date(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Day{ymd};
}

std::optional<Instant> parse_rfc3339(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  if (s.size() < 20) return std::nullopt;
  auto day = parse_date(s.substr(0, 10));
  if (!day) return std::nullopt;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  int hh, mm, ss;
  if (!digits(s, 11, 2, hh) || s[13] != ':' || !digits(s, 14, 2, mm) || s[16] != ':' || !digits(s, 17, 2, ss))
    return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos == start) return std::nullopt;  // fractions are truncated: the store keeps seconds
  }
  if (pos >= s.size()) return std::nullopt;
  int offset_minutes = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, om))
      return std::nullopt;
    if (oh > 23 || om > 59) return std::nullopt;  // RFC 3339: time-numoffset is at most 23:59
    offset_minutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  using namespace std::chrono;
  Instant t = Instant{*day} + hours{hh} + minutes{mm} + seconds{ss} - minutes{offset_minutes};
  // The store keeps four-digit years from 0001: an offset must not carry a time out of that range.
  static const Instant first = sys_days{year{1} / January / 1};
  static const Instant after_last = sys_days{year{10000} / January / 1};
  if (t < first || t >= after_last) return std::nullopt;
  return t;
}

namespace {

// Hand-written because it runs for every timestamp of an import, where iostream-based
// formatting (locale lookups) showed up in profiles.
void put_digits(char* at, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}

std::string date_text(Day d) {
  std::chrono::year_month_day ymd{d};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return date::format("%Y-%m-%d", d);
  std::string out = "0000-00-00";
  put_digits(out.data(), static_cast<unsigned>(year), 4);
  put_digits(out.data() + 5, static_cast<unsigned>(ymd.month()), 2);
  put_digits(out.data() + 8, static_cast<unsigned>(ymd.day()), 2);
  return out;
}

}  // namespace

std::string format_rfc3339(Instant t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  auto secs = static_cast<unsigned>((t - day).count());
  std::string out = date_text(Day{day});
  out += "T00:00:00Z";
  put_digits(out.data() + 11, secs / 3600, 2);
  put_digits(out.data() + 14, secs / 60 % 60, 2);
  put_digits(out.data() + 17, secs % 60, 2);
  return out;
}

std::string format_date(Day d) { return date_text(d); }

Zone::Zone(const std::string& iana_name) : name_(iana_name) {
  try {
    zone_ = date::locate_zone(iana_name);
  } catch (const std::exception&) {
    throw usage_error("unknown time zone '" + iana_name + "'",
                      "use an IANA name such as Europe/Berlin or America/New_York");
  }
}

Day Zone::local_day(Instant t) const {
  auto zone = static_cast<const date::time_zone*>(zone_);
  auto local = zone->to_local(t);
  return Day{std::chrono::floor<std::chrono::days>(local.time_since_epoch())};
}

Instant Zone::start_of_day(Day d) const {
  auto zone = static_cast<const date::time_zone*>(zone_);
  date::local_seconds local{std::chrono::seconds{d.time_since_epoch()}};
  // Midnight can fall in a DST gap (rare); take the earliest valid instant then.
  auto info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent)
    return std::chrono::time_point_cast<std::chrono::seconds>(info.first.end);
  return std::chrono::time_point_cast<std::chrono::seconds>(zone->to_sys(local, date::choose::earliest));
}

Instant parse_time_arg(std::string_view text, const Zone& zone, std::string_view flag) {
  if (auto t = parse_rfc3339(text)) return *t;
  if (auto d = parse_date(text)) return zone.start_of_day(*d);
  throw usage_error(std::string(flag) + ": invalid time '" + std::string(text) + "'",
                    "use RFC 3339 (2026-01-31T12:00:00Z) or a date (2026-01-31)");
}

std::pair<Instant, Instant> parse_range_args(const std::optional<std::string>& from,
                                             const std::optional<std::string>& to, std::pair<Instant, Instant> defaults,
                                             const Zone& zone) {
  Instant start = from ? parse_time_arg(*from, zone, "--from") : defaults.first;
  Instant end = to ? parse_time_arg(*to, zone, "--to") : defaults.second;
  if (!(start < end))
    throw usage_error("--from (" + format_rfc3339(start) + ") must be before --to (" + format_rfc3339(end) + ")",
                      to ? "" : "--to defaults to --now");
  return {start, end};
}

std::chrono::seconds parse_duration(std::string_view text, std::string_view flag) {
  auto bad = [&] {
    return usage_error(std::string(flag) + ": invalid duration '" + std::string(text) + "'",
                       "use a number and a unit: 30m, 1h, 2d, 1w");
  };
  if (text.size() < 2) throw bad();
  long long n = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) throw bad();
    n = n * 10 + (text[i] - '0');
    if (n > 100000000) throw bad();
  }
  switch (text.back()) {
    case 's': return std::chrono::seconds{n};
    case 'm': return std::chrono::seconds{n * 60};
    case 'h': return std::chrono::seconds{n * 3600};
    case 'd': return std::chrono::seconds{n * 86400};
    case 'w': return std::chrono::seconds{n * 7 * 86400};
    default: throw bad();
  }
}

}  // namespace shopkeep
