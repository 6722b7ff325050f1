#include "analytics/restock/restock_plan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "analytics/restock/reorder_point.hpp"
#include "core/money.hpp"

namespace shopkeep::analytics::restock {

namespace {

constexpr int kMinimumOverstockHistory = 28;  // a product on sale for less than 4 weeks is not "overstocked"

double sum_of(const std::vector<double>& path, size_t days) {
  return std::accumulate(path.begin(), path.begin() + static_cast<long>(std::min(days, path.size())), 0.0);
}

// Days until the forecast demand uses up `on_hand`: along the daily path, then at its mean rate.
std::optional<double> cover_days(const std::vector<double>& path, double on_hand) {
  double mean = path.empty() ? 0.0 : sum_of(path, path.size()) / static_cast<double>(path.size());
  if (mean <= 0) return std::nullopt;
  if (on_hand <= 0) return 0.0;
  double left = on_hand;
  for (size_t d = 0; d < path.size(); ++d) {
    if (path[d] >= left) return static_cast<double>(d) + left / path[d];
    left -= path[d];
  }
  return static_cast<double>(path.size()) + left / mean;
}

std::optional<std::int64_t> minor_units(const std::optional<std::string>& amount, int exponent) {
  return amount ? parse_minor_units(*amount, exponent) : std::nullopt;
}

double round_to(double v, int digits) {
  double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

struct Draft {
  RestockRow row;
  std::vector<double> path;
  double scale = 0;
};

Draft draft_row(VariantDemand& v, const RestockSettings& settings) {
  Draft d;
  auto& row = d.row;
  const auto& history = v.history;
  int origin = history.days();
  row.lead_time_days = settings.lead_time_for(v.facts);
  row.horizon_days = settings.horizon_days;
  row.history_days = origin;
  row.censored_days = v.censored_days;
  row.on_hand = v.facts.on_hand.value_or(0);
  int days = row.lead_time_days + row.horizon_days;
  row.selection = select_method(history, origin, days);
  d.path = forecast_path(history, origin, days, row.selection);
  row.demand_lead_time = sum_of(d.path, static_cast<size_t>(row.lead_time_days));
  row.demand_horizon = sum_of(d.path, d.path.size());
  row.demand_per_day = row.demand_horizon / days;
  d.scale = lead_time_scale(history, origin, row.lead_time_days);
  row.facts = std::move(v.facts);
  return d;
}

void finish_row(Draft& d, double factor, Day today, const RestockSettings& settings, const store::ShopSettings& shop) {
  auto& row = d.row;
  row.reorder_point = reorder_point(row.demand_lead_time, d.scale, factor);
  row.safety_stock = std::max(0.0, row.reorder_point - row.demand_lead_time);
  double order_up_to = row.reorder_point + (row.demand_horizon - row.demand_lead_time);
  if (static_cast<double>(row.on_hand) <= row.reorder_point)
    row.reorder_quantity = std::max(0.0, std::ceil(order_up_to - static_cast<double>(row.on_hand) - 1e-9));
  row.days_of_cover = cover_days(d.path, static_cast<double>(row.on_hand));
  if (row.days_of_cover && *row.days_of_cover <= kMaxDays)
    row.stockout_date = today + std::chrono::days{static_cast<int>(std::floor(*row.days_of_cover))};
  bool no_end_in_sight = !row.days_of_cover || *row.days_of_cover > settings.overstock_days;
  row.overstock = row.on_hand > 0 && row.history_days >= kMinimumOverstockHistory && no_end_in_sight;
  bool cost_in_shop_currency = !row.facts.unit_cost_currency || *row.facts.unit_cost_currency == shop.currency;
  if (auto cost = minor_units(row.facts.unit_cost, shop.currency_exponent); cost && cost_in_shop_currency)
    row.stock_value = *cost * std::max<std::int64_t>(0, row.on_hand);
  double missing = std::max(0.0, row.demand_horizon - static_cast<double>(std::max<std::int64_t>(0, row.on_hand)));
  if (auto price = minor_units(row.facts.price, shop.currency_exponent))
    row.revenue_at_risk = std::llround(static_cast<double>(*price) * missing);
}

bool worse(const RestockRow& a, const RestockRow& b) {
  if (a.stockout_date.has_value() != b.stockout_date.has_value()) return a.stockout_date.has_value();
  if (a.stockout_date && *a.stockout_date != *b.stockout_date) return *a.stockout_date < *b.stockout_date;
  if (a.revenue_at_risk != b.revenue_at_risk) return a.revenue_at_risk > b.revenue_at_risk;
  return a.facts.variant_id < b.facts.variant_id;
}

}  // namespace

RestockPlan plan_restock(store::Db& db, const store::ShopSettings& shop, const RestockSettings& settings, Instant now) {
  RestockPlan plan;
  plan.today = shop.zone.local_day(now);
  auto variants = load_variant_demand(db, shop, now, VariantScope::tracked_active);
  std::vector<Draft> drafts;
  std::vector<double> residuals;
  for (auto& v : variants) {
    drafts.push_back(draft_row(v, settings));
    const auto& row = drafts.back().row;
    auto r = lead_time_residuals(v.history, row.selection, v.history.days(), row.lead_time_days);
    residuals.insert(residuals.end(), r.begin(), r.end());
  }
  plan.calibration_residuals = static_cast<int>(residuals.size());
  plan.safety_factor = safety_factor(std::move(residuals), settings.service_level);
  for (auto& d : drafts) {
    finish_row(d, plan.safety_factor, plan.today, settings, shop);
    plan.rows.push_back(std::move(d.row));
  }
  std::sort(plan.rows.begin(), plan.rows.end(), worse);
  return plan;
}

bool needs_reorder(const RestockRow& row) { return row.reorder_quantity > 0; }

bool runs_out_within_lead_time(const RestockRow& row, Day today) {
  return row.stockout_date && *row.stockout_date < today + std::chrono::days{row.lead_time_days};
}

std::vector<RestockRow> running_out_within_lead_time(store::Db& db, const store::ShopSettings& shop,
                                                     const RestockSettings& settings, Instant now) {
  auto plan = plan_restock(db, shop, settings, now);
  std::vector<RestockRow> soon;
  for (auto& row : plan.rows)
    if (runs_out_within_lead_time(row, plan.today)) soon.push_back(std::move(row));
  return soon;
}

nlohmann::ordered_json restock_row_json(const RestockRow& row, const store::ShopSettings& shop) {
  using Json = nlohmann::ordered_json;
  auto money = [&](std::optional<std::int64_t> v) {
    return v ? Json(format_minor_units(*v, shop.currency_exponent)) : Json();
  };
  Json j;
  j["variant_id"] = row.facts.variant_id;
  j["product_id"] = row.facts.product_id;
  j["sku"] = row.facts.sku ? Json(*row.facts.sku) : Json();
  j["title"] = row.facts.title;
  j["on_hand"] = row.on_hand;
  j["demand_per_day"] = round_to(row.demand_per_day, 4);
  j["lead_time_days"] = row.lead_time_days;
  j["days_of_cover"] = row.days_of_cover ? Json(round_to(*row.days_of_cover, 1)) : Json();
  j["stockout_date"] = row.stockout_date ? Json(format_date(*row.stockout_date)) : Json();
  j["reorder_point"] = static_cast<std::int64_t>(row.reorder_point);
  j["reorder_quantity"] = static_cast<std::int64_t>(row.reorder_quantity);
  j["stock_value"] = money(row.stock_value);
  j["currency"] = shop.currency;
  j["overstock"] = row.overstock;
  j["method"] = selection_name(row.selection);
  j["demand_lead_time"] = round_to(row.demand_lead_time, 2);
  j["safety_stock"] = round_to(row.safety_stock, 2);
  j["horizon_days"] = row.horizon_days;
  j["demand_horizon"] = round_to(row.demand_horizon, 2);
  j["revenue_at_risk"] = money(row.revenue_at_risk);
  j["demand_class"] = demand_class_name(row.selection.pattern.demand_class);
  j["history_days"] = row.history_days;
  j["censored_days"] = row.censored_days;
  j["vendor"] = row.facts.vendor;
  j["product_type"] = row.facts.product_type;
  return j;
}

}  // namespace shopkeep::analytics::restock
