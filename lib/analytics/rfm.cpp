#include "analytics/rfm.hpp"

#include <algorithm>
#include <numeric>

#include "analytics/value/customer_summary.hpp"
#include "core/money.hpp"

#include <nlohmann/json.hpp>

namespace shopkeep::analytics {

std::vector<int> quintile_scores(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<int> scores(values.size());
  size_t below = 0;  // how many values are strictly smaller than the current run of equal ones
  for (size_t rank = 0; rank < order.size(); ++rank) {
    if (rank > 0 && values[order[rank]] != values[order[rank - 1]]) below = rank;
    scores[order[rank]] = static_cast<int>(below * 5 / order.size()) + 1;
  }
  return scores;
}

std::string rfm_segment(int r, int fm) {
  // Rows: recency 5 (most recent) .. 1; columns: FM 1 .. 5. Every segment appears in the grid;
  // "Can't Lose Them" (recently lapsed best customers) is not swallowed by "At Risk".
  static const char* grid[5][5] = {
      {"New", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"},    // R5
      {"Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Champions"},  // R4
      {"About To Sleep", "Need Attention", "Need Attention", "Loyal", "Loyal"},         // R3
      {"Hibernating", "About To Sleep", "At Risk", "At Risk", "Can't Lose Them"},       // R2
      {"Lost", "Hibernating", "At Risk", "Can't Lose Them", "Can't Lose Them"},         // R1
  };
  r = std::clamp(r, 1, 5);
  fm = std::clamp(fm, 1, 5);
  return grid[5 - r][fm - 1];
}

std::vector<RfmScore> rfm_scores(store::Db& db, Instant now, const store::ShopSettings& shop) {
  auto customers = value::customer_summaries(db, now, shop);
  std::int64_t today = value::local_day_number(now, shop.zone);
  std::vector<double> recency, frequency, monetary;
  for (const auto& c : customers) {
    recency.push_back(-static_cast<double>(today - c.last_day));  // more recent is better
    frequency.push_back(static_cast<double>(c.orders));
    monetary.push_back(static_cast<double>(c.total_spend));
  }
  auto r = quintile_scores(recency), f = quintile_scores(frequency), m = quintile_scores(monetary);
  std::vector<RfmScore> scores;
  scores.reserve(customers.size());
  for (size_t i = 0; i < customers.size(); ++i) {
    const auto& c = customers[i];
    int fm = (f[i] + m[i] + 1) / 2;
    scores.push_back(
        {c.customer_id, c.email, today - c.last_day, c.orders, c.total_spend, r[i], f[i], m[i], rfm_segment(r[i], fm)});
  }
  return scores;
}

nlohmann::ordered_json to_json(const RfmScore& s, const store::ShopSettings& shop) {
  nlohmann::ordered_json row;
  row["customer_id"] = s.customer_id;
  row["email"] = s.email.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.email);
  row["recency_days"] = s.recency_days;
  row["frequency"] = s.frequency;
  row["monetary"] = format_minor_units(s.monetary, shop.currency_exponent);
  row["r"] = s.r;
  row["f"] = s.f;
  row["m"] = s.m;
  row["segment"] = s.segment;
  row["currency"] = shop.currency;
  return row;
}

}  // namespace shopkeep::analytics
