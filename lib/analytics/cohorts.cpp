#include "analytics/cohorts.hpp"

#include <unordered_map>

namespace shopkeep::analytics {

namespace {

using namespace std::chrono;

int month_index(Day day) {
  year_month_day ymd{day};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
}

Day month_start(int index) { return Day{year{index / 12} / month{static_cast<unsigned>(index % 12 + 1)} / 1}; }

}  // namespace

std::vector<Cohort> cohort_retention(store::Db& db, const store::ShopSettings& shop, Instant from, Instant to,
                                     int max_offset) {
  int first_month = month_index(shop.zone.local_day(from));
  int last_month = month_index(shop.zone.local_day(to - seconds{1}));
  if (last_month < first_month) return {};
  std::vector<Cohort> cohorts(static_cast<size_t>(last_month - first_month + 1));
  for (size_t i = 0; i < cohorts.size(); ++i) {
    cohorts[i].month = month_start(first_month + static_cast<int>(i));
    int offsets = std::min(max_offset, last_month - (first_month + static_cast<int>(i)));
    cohorts[i].active.assign(static_cast<size_t>(offsets + 1), 0);
  }
  struct Seen {
    int first = 0, last_offset = -1;
  };
  std::unordered_map<std::int64_t, Seen> customers;
  // Oldest first, so a customer's first order is met first and their offsets never decrease.
  store::Stmt s(db,
                "SELECT customer_id, ordered_at FROM counted_orders WHERE customer_id IS NOT NULL AND ordered_at < ?1 "
                "ORDER BY ordered_at, id");
  s.bind(1, format_rfc3339(to));
  while (s.step()) {
    auto at = parse_rfc3339(s.get_text(1));
    if (!at) continue;
    int month = month_index(shop.zone.local_day(*at));
    auto [it, fresh] = customers.try_emplace(s.get_int(0), Seen{month, -1});
    Seen& seen = it->second;
    int cohort = seen.first - first_month;
    if (fresh && cohort >= 0 && cohort < static_cast<int>(cohorts.size())) ++cohorts[cohort].customers;
    int offset = month - seen.first;
    if (cohort < 0 || cohort >= static_cast<int>(cohorts.size()) || offset <= seen.last_offset) continue;
    seen.last_offset = offset;
    auto& active = cohorts[cohort].active;
    if (offset < static_cast<int>(active.size())) ++active[offset];
  }
  return cohorts;
}

}  // namespace shopkeep::analytics
