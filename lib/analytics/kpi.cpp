#include "analytics/kpi.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/money.hpp"

namespace shopkeep::analytics {

namespace {

using Json = nlohmann::ordered_json;

struct PeriodTotals {
  std::int64_t orders = 0, gross = 0, discounts = 0, refunds = 0;
  std::unordered_map<std::int64_t, int> customers;  // orders per customer in the period
  std::int64_t new_customers = 0, returning = 0, returning_rate_numerator = 0, repeat = 0;
  std::int64_t abandoned = 0, checkouts = 0, recovered = 0;
  std::vector<double> first_reply, full_resolution;
  std::int64_t solved = 0, one_touch = 0, good = 0, bad = 0;
};

class Calculator {
 public:
  Calculator(store::Db& db, const KpiOptions& o, const store::ShopSettings& shop)
      : db_(db), o_(o), shop_(shop), periods_(periods_between(o.by, o.from, o.to, shop.zone)) {
    if (periods_.empty()) return;
    Day before = period_start_day(o.by, shop.zone.local_day(periods_.front().start - std::chrono::seconds{1}));
    previous_ = Period{before, shop.zone.start_of_day(before), periods_.front().start};
    totals_.resize(periods_.size());
  }

  std::vector<PeriodKpis> run() {
    if (periods_.empty()) return {};
    orders();
    gross();
    refunds();
    if (!o_.channel) {
      checkouts();
      support();
    }
    return results();
  }

 private:
  // Index of the period holding t, or -1.
  int index_of(Instant t) const {
    if (t < range_start() || !(t < range_end())) return -1;
    auto it =
        std::upper_bound(periods_.begin(), periods_.end(), t, [](Instant v, const Period& p) { return v < p.start; });
    return static_cast<int>(it - periods_.begin()) - 1;
  }
  Instant range_start() const { return std::max(periods_.front().start, o_.from); }
  Instant range_end() const { return std::min(periods_.back().end, o_.to); }
  std::int64_t money(const store::Stmt& s, int column) const {
    return s.is_null(column) ? 0 : parse_minor_units(s.get_text(column), shop_.currency_exponent).value_or(0);
  }

  bool in_channel(const store::Stmt& s, int column) const { return !o_.channel || s.get_text(column) == *o_.channel; }

  // Orders by the day they were placed. Refunds fall on their own dates (refunds()); an order the
  // store has no refund rows for (an import from before schema version 10) keeps its total refunded
  // on the order's date.
  void orders() {
    store::Stmt s(db_, std::string("SELECT o.customer_id, o.ordered_at, o.total_discounts, "
                                   "CASE WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id) THEN NULL "
                                   "ELSE o.total_refunded END, ") +
                           kOrderChannelSql + " FROM counted_orders o WHERE o.ordered_at < ?1 ORDER BY o.ordered_at");
    s.bind(1, format_rfc3339(range_end()));
    std::unordered_map<std::int64_t, Instant> first_order;
    std::unordered_set<std::int64_t> previous_customers;
    while (s.step()) {
      auto at = parse_rfc3339(s.get_text(1));
      if (!at) continue;
      std::optional<std::int64_t> customer = s.get_opt_int(0);
      if (customer) first_order.try_emplace(*customer, *at);  // the first order in any channel
      if (!in_channel(s, 4)) continue;
      if (customer && previous_.start <= *at && *at < previous_.end) previous_customers.insert(*customer);
      int k = index_of(*at);
      if (k < 0) continue;
      PeriodTotals& p = totals_[k];
      ++p.orders;
      p.discounts += money(s, 2);
      p.refunds += money(s, 3);
      if (customer) ++p.customers[*customer];
    }
    for (size_t k = 0; k < totals_.size(); ++k) {
      PeriodTotals& p = totals_[k];
      for (const auto& [customer, n] : p.customers) {
        bool before = first_order.at(customer) < periods_[k].start;
        bool is_new = !before;
        p.new_customers += is_new;
        p.returning += before;
        p.returning_rate_numerator += before || n > 1;
        p.repeat += n >= 2;
      }
    }
    previous_customers_ = std::move(previous_customers);
  }

  void gross() {
    store::Stmt s(db_, std::string("SELECT o.ordered_at, l.unit_price, l.quantity, ") + kOrderChannelSql +
                           " FROM order_lines l JOIN counted_orders o ON o.id = l.order_id "
                           "WHERE o.ordered_at >= ?1 AND o.ordered_at < ?2");
    s.bind(1, format_rfc3339(range_start())).bind(2, format_rfc3339(range_end()));
    while (s.step()) {
      auto at = parse_rfc3339(s.get_text(0));
      int k = at && in_channel(s, 3) ? index_of(*at) : -1;
      if (k >= 0) totals_[k].gross += money(s, 1) * (s.is_null(2) ? 0 : s.get_int(2));
    }
  }

  // Each refund in the period it happened, as Shopify's sales reports count returns.
  void refunds() {
    store::Stmt s(db_, std::string("SELECT r.created_at, r.amount, ") + kOrderChannelSql +
                           " FROM refunds r JOIN counted_orders o ON o.id = r.order_id "
                           "WHERE r.created_at >= ?1 AND r.created_at < ?2");
    s.bind(1, format_rfc3339(range_start())).bind(2, format_rfc3339(range_end()));
    while (s.step()) {
      auto at = parse_rfc3339(s.get_text(0));
      int k = at && in_channel(s, 2) ? index_of(*at) : -1;
      if (k >= 0) totals_[k].refunds += money(s, 1);
    }
  }

  void checkouts() {
    // Recovered as in `carts report`: completed, or the customer (or email) ordered within the
    // window after the checkout's last activity.
    store::Stmt s(db_,
                  "SELECT k.created_at, k.completed, "
                  "k.next_order_at <= strftime('%Y-%m-%dT%H:%M:%SZ', k.updated_at, ?3) IS 1 "
                  "FROM checkout_recovery k WHERE k.created_at >= ?1 AND k.created_at < ?2");
    s.bind(1, format_rfc3339(range_start())).bind(2, format_rfc3339(range_end()));
    s.bind(3, "+" + std::to_string(o_.recovery_window.count()) + " seconds");
    while (s.step()) {
      auto at = parse_rfc3339(s.get_text(0));
      int k = at ? index_of(*at) : -1;
      if (k < 0) continue;
      bool completed = s.get_int(1) != 0;
      ++totals_[k].checkouts;
      totals_[k].abandoned += !completed;
      totals_[k].recovered += completed || s.get_int(2) != 0;
    }
  }

  void support() {
    store::Stmt replies(
        db_,
        "SELECT t.created_at, m.reply_time_calendar_minutes FROM tickets t JOIN ticket_metrics m ON m.ticket_id = t.id "
        "WHERE t.deleted_at IS NULL AND m.reply_time_calendar_minutes IS NOT NULL AND t.created_at >= ?1 AND "
        "t.created_at < ?2");
    replies.bind(1, format_rfc3339(range_start())).bind(2, format_rfc3339(range_end()));
    while (replies.step()) {
      auto at = parse_rfc3339(replies.get_text(0));
      int k = at ? index_of(*at) : -1;
      if (k >= 0) totals_[k].first_reply.push_back(static_cast<double>(replies.get_int(1)));
    }
    store::Stmt solved(
        db_,
        "SELECT m.solved_at, m.full_resolution_time_calendar_minutes, m.replies FROM ticket_metrics m "
        "JOIN tickets t ON t.id = m.ticket_id WHERE t.deleted_at IS NULL AND t.status IN ('solved', 'closed') "
        "AND m.solved_at >= ?1 AND m.solved_at < ?2");
    solved.bind(1, format_rfc3339(range_start())).bind(2, format_rfc3339(range_end()));
    while (solved.step()) {
      auto at = parse_rfc3339(solved.get_text(0));
      int k = at ? index_of(*at) : -1;
      if (k < 0) continue;
      ++totals_[k].solved;
      if (!solved.is_null(1)) totals_[k].full_resolution.push_back(static_cast<double>(solved.get_int(1)));
      totals_[k].one_touch += !solved.is_null(2) && solved.get_int(2) == 1;
    }
    store::Stmt ratings(db_,
                        "SELECT created_at, score FROM satisfaction_ratings WHERE score IN ('good', 'bad') "
                        "AND created_at >= ?1 AND created_at < ?2");
    ratings.bind(1, format_rfc3339(range_start())).bind(2, format_rfc3339(range_end()));
    while (ratings.step()) {
      auto at = parse_rfc3339(ratings.get_text(0));
      int k = at ? index_of(*at) : -1;
      if (k < 0) continue;
      (ratings.get_text(1) == "good" ? totals_[k].good : totals_[k].bad) += 1;
    }
  }

  std::vector<PeriodKpis> results() const {
    std::vector<PeriodKpis> out;
    for (size_t k = 0; k < totals_.size(); ++k) {
      const PeriodTotals& p = totals_[k];
      const auto& previous = k == 0 ? previous_customers_ : key_set(totals_[k - 1].customers);
      std::int64_t churned = 0;
      for (auto c : previous) churned += p.customers.count(c) == 0;
      auto customers = static_cast<std::int64_t>(p.customers.size());
      PeriodKpis r;
      r.period_start = periods_[k].first_day;
      r.channel = o_.channel;
      r.partial = periods_[k].start < o_.from || o_.to < periods_[k].end;
      r.orders = p.orders;
      r.customers = customers;
      r.gross_sales = p.gross;
      r.discounts = p.discounts;
      r.refunds = p.refunds;
      // AOV is rounded half away from zero to the currency's minor unit.
      if (p.orders) r.aov = rounded_division(p.gross - p.discounts, p.orders);
      r.new_customers = p.new_customers;
      r.returning_customers = p.returning;
      r.returning_customer_rate = {p.returning_rate_numerator, customers};
      r.repeat_purchase_rate = {p.repeat, customers};
      if (!o_.channel) r.checkout_conversion = {p.orders, p.orders + p.abandoned};  // checkouts have no channel
      r.cart_recovery_rate = {p.recovered, p.checkouts};
      r.churn_rate = {churned, static_cast<std::int64_t>(previous.size())};
      r.first_reply_minutes_median = median(p.first_reply);
      r.first_reply_minutes_p90 = nearest_rank(p.first_reply, 90);
      r.full_resolution_minutes_median = median(p.full_resolution);
      r.one_touch_rate = {p.one_touch, p.solved};
      r.csat = {p.good, p.good + p.bad};
      out.push_back(std::move(r));
    }
    return out;
  }

  static std::unordered_set<std::int64_t> key_set(const std::unordered_map<std::int64_t, int>& m) {
    std::unordered_set<std::int64_t> keys;
    for (const auto& [k, _] : m) keys.insert(k);
    return keys;
  }
  static std::int64_t rounded_division(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b, r = a % b;
    if (2 * std::llabs(r) >= std::llabs(b)) q += ((a < 0) == (b < 0)) ? 1 : -1;
    return q;
  }

  store::Db& db_;
  const KpiOptions& o_;
  const store::ShopSettings& shop_;
  std::vector<Period> periods_;
  Period previous_{};
  std::vector<PeriodTotals> totals_;
  std::unordered_set<std::int64_t> previous_customers_;
};

}  // namespace

std::optional<double> nearest_rank(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::vector<PeriodKpis> shop_kpis(store::Db& db, const KpiOptions& options, const store::ShopSettings& shop) {
  return Calculator(db, options, shop).run();
}

std::optional<double> Rate::value() const {
  if (of == 0) return std::nullopt;
  return static_cast<double>(n) / static_cast<double>(of);
}

namespace {

void put_rate(Json& row, const char* name, const Rate& rate) {
  auto v = rate.value();
  row[name] = v ? Json(*v) : Json();
  row[std::string(name) + "_n"] = rate.n;
  row[std::string(name) + "_of"] = rate.of;
}

Json number_or_null(const std::optional<double>& v) { return v ? Json(*v) : Json(); }

}  // namespace

nlohmann::ordered_json to_json(const PeriodKpis& p, const store::ShopSettings& shop) {
  int e = shop.currency_exponent;
  Json row;
  row["period_start"] = format_date(p.period_start);
  if (p.channel) row["channel"] = *p.channel;
  row["orders"] = p.orders;
  row["customers"] = p.customers;
  row["gross_sales"] = format_minor_units(p.gross_sales, e);
  row["discounts"] = format_minor_units(p.discounts, e);
  row["refunds"] = format_minor_units(p.refunds, e);
  row["net_sales"] = format_minor_units(p.net_sales(), e);
  row["aov"] = p.aov ? Json(format_minor_units(*p.aov, e)) : Json();
  row["new_customers"] = p.new_customers;
  row["returning_customers"] = p.returning_customers;
  put_rate(row, "returning_customer_rate", p.returning_customer_rate);
  put_rate(row, "repeat_purchase_rate", p.repeat_purchase_rate);
  put_rate(row, "checkout_conversion", p.checkout_conversion);
  put_rate(row, "cart_recovery_rate", p.cart_recovery_rate);
  put_rate(row, "churn_rate", p.churn_rate);
  row["first_reply_minutes_median"] = number_or_null(p.first_reply_minutes_median);
  row["first_reply_minutes_p90"] = number_or_null(p.first_reply_minutes_p90);
  row["full_resolution_minutes_median"] = number_or_null(p.full_resolution_minutes_median);
  put_rate(row, "one_touch_rate", p.one_touch_rate);
  put_rate(row, "csat", p.csat);
  row["currency"] = shop.currency;
  row["partial"] = p.partial;
  return row;
}

std::vector<std::string> order_channels(store::Db& db, Instant from, Instant to) {
  store::Stmt s(db, std::string("SELECT ") + kOrderChannelSql +
                        " AS channel FROM counted_orders o WHERE o.ordered_at >= ?1 AND o.ordered_at < ?2 UNION "
                        "SELECT " +
                        kOrderChannelSql +
                        " FROM refunds r JOIN counted_orders o ON o.id = r.order_id "
                        "WHERE r.created_at >= ?1 AND r.created_at < ?2 ORDER BY channel");
  s.bind(1, format_rfc3339(from)).bind(2, format_rfc3339(to));
  std::vector<std::string> channels;
  while (s.step()) channels.push_back(s.get_text(0));
  return channels;
}

bool has_kpi_data(store::Db& db) {
  return db.scalar_int(
             "SELECT EXISTS (SELECT 1 FROM counted_orders) OR EXISTS (SELECT 1 FROM checkouts WHERE deleted_at IS "
             "NULL) "
             "OR EXISTS (SELECT 1 FROM tickets WHERE deleted_at IS NULL)") != 0;
}

std::pair<Instant, Instant> default_kpi_range(PeriodKind by, Instant now, const Zone& zone, int periods) {
  Day first = period_start_day(by, zone.local_day(now));
  for (int i = 0; i < periods; ++i) first = period_start_day(by, first - std::chrono::days{1});
  return {zone.start_of_day(first), now};
}

}  // namespace shopkeep::analytics
