#include "analytics/restock/variant_demand.hpp"

#include <algorithm>
#include <utility>
#include <vector>
#include <unordered_map>

#include "analytics/restock/stockout_censoring.hpp"

namespace shopkeep::analytics::restock {

namespace {

using DayNumber = std::int64_t;  // days since 1970-01-01, shop-local

struct Raw {
  VariantFacts facts;
  std::optional<DayNumber> created_day;
  std::optional<DayNumber> observed_day;  // the day of the variant's current quantity
  // (day, units) per line as read, days in any order: appending is linear, where a map per variant
  // cost a tree descent per line (1.6M lines: most of the load's time).
  std::vector<std::pair<DayNumber, double>> sold;
  std::vector<std::pair<DayNumber, double>> snapshots;
};

std::optional<DayNumber> day_of(const std::optional<std::string>& text, const Zone& zone) {
  if (!text) return std::nullopt;
  auto t = parse_rfc3339(*text);
  if (!t) return std::nullopt;
  return zone.local_day(*t).time_since_epoch().count();
}

std::vector<Raw> load_variants(store::Db& db, const Zone& zone, VariantScope scope) {
  std::string sql =
      "SELECT v.id, v.product_id, v.sku, p.title, v.title, v.inventory_quantity, v.price, v.unit_cost, "
      "v.unit_cost_currency, p.vendor, p.product_type, p.status = 'ACTIVE', p.created_at, v.synced_at "
      "FROM variants v JOIN products p ON p.id = v.product_id "
      "WHERE v.deleted_at IS NULL AND p.deleted_at IS NULL";
  if (scope == VariantScope::tracked_active) sql += " AND p.status = 'ACTIVE' AND v.inventory_quantity IS NOT NULL";
  sql += " ORDER BY v.id";
  store::Stmt s(db, sql);
  std::vector<Raw> variants;
  while (s.step()) {
    Raw r;
    auto& f = r.facts;
    f.variant_id = s.get_int(0);
    f.product_id = s.get_int(1);
    f.sku = s.get_opt_text(2);
    f.title = s.get_opt_text(3).value_or("");
    auto variant_title = s.get_opt_text(4).value_or("");
    if (!variant_title.empty() && variant_title != "Default Title") f.title += " / " + variant_title;
    f.on_hand = s.get_opt_int(5);
    f.price = s.get_opt_text(6);
    f.unit_cost = s.get_opt_text(7);
    f.unit_cost_currency = s.get_opt_text(8);
    f.vendor = s.get_opt_text(9).value_or("");
    f.product_type = s.get_opt_text(10).value_or("");
    f.active = s.get_opt_int(11).value_or(0) != 0;
    r.created_day = day_of(s.get_opt_text(12), zone);
    if (f.on_hand) r.observed_day = day_of(s.get_opt_text(13), zone);
    variants.push_back(std::move(r));
  }
  return variants;
}

// Units per variant and day; also the store's first order day (where its data begins).
std::optional<DayNumber> load_sales(store::Db& db, const Zone& zone, Instant now,
                                    std::unordered_map<std::int64_t, Raw*>& by_id) {
  store::Stmt s(db,
                "SELECT l.variant_id, o.ordered_at, coalesce(l.current_quantity, l.quantity) "
                "FROM order_lines l JOIN counted_orders o ON o.id = l.order_id WHERE o.ordered_at IS NOT NULL");
  std::optional<DayNumber> first;
  while (s.step()) {
    auto at = parse_rfc3339(s.get_text(1));
    if (!at || *at >= now) continue;
    DayNumber day = zone.local_day(*at).time_since_epoch().count();
    first = first ? std::min(*first, day) : day;
    if (s.is_null(0)) continue;
    auto it = by_id.find(s.get_int(0));
    if (it == by_id.end()) continue;
    it->second->sold.emplace_back(day, static_cast<double>(s.get_opt_int(2).value_or(0)));
  }
  return first;
}

void load_snapshots(store::Db& db, DayNumber today, std::unordered_map<std::int64_t, Raw*>& by_id) {
  store::Stmt s(db, "SELECT variant_id, day, inventory_quantity FROM inventory_snapshots ORDER BY variant_id, day");
  while (s.step()) {
    auto it = by_id.find(s.get_int(0));
    if (it == by_id.end()) continue;
    auto day = parse_date(s.get_text(1));
    if (!day) continue;
    DayNumber n = day->time_since_epoch().count();
    if (n <= today) it->second->snapshots.emplace_back(n, static_cast<double>(s.get_int(2)));
  }
}

DayNumber first_day_of(const Raw& r, std::optional<DayNumber> store_first, DayNumber today) {
  std::optional<DayNumber> start = r.created_day;
  if (!r.sold.empty()) {
    DayNumber first_sale = std::min_element(r.sold.begin(), r.sold.end())->first;
    start = start ? std::min(*start, first_sale) : first_sale;
  }
  if (!start) start = store_first.value_or(today);
  if (store_first) start = std::max(*start, *store_first);
  return std::min(*start, today);
}

VariantDemand build(Raw& r, std::optional<DayNumber> store_first, DayNumber today) {
  DayNumber first = first_day_of(r, store_first, today);
  int through_today = static_cast<int>(today - first) + 1;
  std::vector<double> sold(static_cast<size_t>(through_today), 0.0);
  VariantDemand v;
  for (const auto& [day, units] : r.sold)
    if (day >= first && day <= today) sold[day - first] += units;
  std::vector<StockObservation> observations;
  for (const auto& [day, q] : r.snapshots) observations.push_back({static_cast<int>(day - first), q});
  // The current quantity is what restock takes as on hand now, so it stands for today's end too
  // (unless it was synced after `now`, as when evaluating the past).
  if (r.facts.on_hand && r.observed_day && *r.observed_day <= today)
    observations.push_back({static_cast<int>(today - first), static_cast<double>(*r.facts.on_hand)});
  auto censored = censored_days(sold, observations);
  // Today is not over: the history ends yesterday (today's sales only served the censoring bounds).
  sold.pop_back();
  censored.pop_back();
  for (size_t d = 0; d < sold.size(); ++d) {
    v.units_sold += sold[d];
    v.censored_days += censored[d] ? 1 : 0;
  }
  v.facts = std::move(r.facts);
  v.history = DemandHistory(Day{std::chrono::days{first}}, std::move(sold), std::move(censored));
  return v;
}

}  // namespace

std::vector<VariantDemand> load_variant_demand(store::Db& db, const store::ShopSettings& shop, Instant now,
                                               VariantScope scope) {
  auto raw = load_variants(db, shop.zone, scope);
  std::unordered_map<std::int64_t, Raw*> by_id;
  for (auto& r : raw) by_id[r.facts.variant_id] = &r;
  DayNumber today = shop.zone.local_day(now).time_since_epoch().count();
  auto store_first = load_sales(db, shop.zone, now, by_id);
  load_snapshots(db, today, by_id);
  std::vector<VariantDemand> result;
  for (auto& r : raw) {
    if (scope == VariantScope::with_sales && r.sold.empty()) continue;
    result.push_back(build(r, store_first, today));
  }
  return result;
}

}  // namespace shopkeep::analytics::restock
