// libFuzzer target: the value parsers every command and importer relies on: RFC 3339 times, dates,
// --from/--to arguments in a shop's zone, durations, and money in a currency's minor units. Beyond
// not crashing, each parse that succeeds must round-trip: format then parse gives the same value.
// The first byte picks the parser and the currency exponent; the rest is the text.
// Seeds: testdata/fuzz/parse/.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../fuzz_support.hpp"
#include "core/money.hpp"
#include "core/time.hpp"

namespace {

using namespace shopkeep;

[[noreturn]] void broken(const char* what, std::string_view text) {
  std::fprintf(stderr, "fuzz: %s: \"%.*s\"\n", what, static_cast<int>(text.size()), text.data());
  std::abort();
}

void check_rfc3339(std::string_view text) {
  auto t = parse_rfc3339(text);
  if (t && parse_rfc3339(format_rfc3339(*t)) != t) broken("an RFC 3339 time does not round-trip", text);
}

void check_date(std::string_view text) {
  auto d = parse_date(text);
  if (d && parse_date(format_date(*d)) != d) broken("a date does not round-trip", text);
}

void check_time_arg(std::string_view text) {
  static const Zone zone("America/New_York");  // a zone with daylight saving time
  fuzz::expect_clean([&] { parse_time_arg(text, zone, "--from"); });
}

void check_duration(std::string_view text) {
  fuzz::expect_clean([&] { parse_duration(text, "--window"); });
}

void check_money(std::string_view text, int exponent) {
  auto amount = parse_minor_units(text, exponent);
  if (amount && parse_minor_units(format_minor_units(*amount, exponent), exponent) != amount)
    broken("an amount does not round-trip", text);
  if (amount && !is_decimal(text)) broken("an amount parsed from text that is not a decimal", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text = fuzz::as_text(data + 1, size - 1);
  switch (data[0] % 5) {
    case 0: check_rfc3339(text); break;
    case 1: check_date(text); break;
    case 2: check_time_arg(text); break;
    case 3: check_duration(text); break;
    default: check_money(text, data[0] / 5 % 4); break;  // exponents 0..3 (JPY, ..., EUR, KWD)
  }
  return 0;
}
