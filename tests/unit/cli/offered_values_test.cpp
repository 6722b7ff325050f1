// The values the shell completions offer (cmd/ attaches them with `completes`) come from the same
// lists the library parses with: each must parse, and parse back to its own name.
#include <doctest/doctest.h>

#include "analytics/audit/audit.hpp"
#include "analytics/periods.hpp"
#include "analytics/recommend/recommend.hpp"
#include "core/error.hpp"
#include "output/format.hpp"

using namespace shopkeep;

TEST_CASE("--format values") {
  CHECK(output::format_names() == std::vector<std::string>{"table", "json", "ndjson", "csv"});
  for (const auto& n : output::format_names()) CHECK_NOTHROW(output::parse_format(n));
  CHECK_THROWS_AS(output::parse_format("xml"), Error);
}

TEST_CASE("--by values") {
  CHECK(analytics::period_kind_names() == std::vector<std::string>{"day", "week", "month"});
  CHECK(analytics::parse_period_kind("week") == analytics::PeriodKind::week);
  CHECK_THROWS_AS(analytics::parse_period_kind("year"), Error);
}

TEST_CASE("--method values") {
  namespace rec = analytics::recommend;
  CHECK(rec::method_names() == std::vector<std::string>{"fbt", "similar", "personal", "refill"});
  for (const auto& n : rec::method_names()) CHECK(rec::method_name(rec::parse_method(n)) == n);
  CHECK_THROWS_AS(rec::parse_method("magic"), Error);
}

TEST_CASE("--fail-on and --only values") {
  namespace audit = analytics::audit;
  CHECK(audit::severity_names() == std::vector<std::string>{"info", "warn", "error"});
  for (const auto& n : audit::severity_names()) CHECK(audit::severity_name(audit::parse_severity(n)) == n);
  auto names = audit::selector_names();
  CHECK(std::vector<std::string>(names.begin(), names.begin() + 6) ==
        std::vector<std::string>{"data", "catalog", "customers", "orders", "support", "compliance"});
  CHECK(names.size() == 6 + audit::all_checks().size());
  CHECK(std::find(names.begin(), names.end(), "support.unsolved") != names.end());
}
