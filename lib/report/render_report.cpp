#include "report/render_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/money.hpp"
#include "report/change.hpp"
#include "report/charts.hpp"
#include "report/people_numbers.hpp"
#include "report/scale.hpp"
#include "report/segment_guide.hpp"

namespace shopkeep::report {

namespace mustache = kainjow::mustache;
using mustache::data;

namespace {

data object() { return data(data::type::object); }
data list() { return data(data::type::list); }

struct Section {
  const char* id;
  const char* heading;
  const char* intro;
};

const std::vector<Section>& sections() {
  static const std::vector<Section> all = {
      {"kpis", "Key numbers", "The whole period against the period just before it and the same dates a year earlier."},
      {"sales", "Sales per week", "Net sales (gross sales less discounts and refunds) and orders per ISO week."},
      {"aov", "Average order value", "Gross sales less discounts, divided by orders, per week."},
      {"customers", "New and returning customers",
       "Customers who ordered in the week: first order ever (new) or ordered before (returning)."},
      {"cohorts", "Cohort retention",
       "Customers grouped by the month of their first order: the share who ordered again each month after."},
      {"segments", "Customer segments (RFM)",
       "Recency, frequency and monetary scores put every customer in a segment; each calls for its own action."},
      {"clv", "Customer lifetime value",
       "Expected value of each customer over the next year (BG/NBD and Gamma-Gamma, as customers value)."},
      {"carts", "Cart recovery and campaigns",
       "Abandoned checkouts and how many came back; each campaign's uplift over its holdout, with its 95% interval."},
      {"pairs", "Bought together", "Product pairs in the most orders (recommend rules, pairs only)."},
      {"restock", "Running out", "Variants expected to run out before an order placed today would arrive (restock)."},
      {"support", "Support", "First reply time and customer satisfaction per week, and the tickets waiting now."},
      {"audit", "Audit", "Findings of shopkeep audit by severity and category."},
  };
  return all;
}

class PageBuilder {
 public:
  PageBuilder(const ReportData& d, const ReportTemplates& t) : d_(d), t_(t) {}

  std::string render() {
    data page = object();
    page.set("title", d_.shop_name.empty() ? "Shop report" : d_.shop_name + ": shop report");
    page.set("shop_name", d_.shop_name.empty() ? "Your shop" : d_.shop_name);
    page.set("range", range_text(d_.options.from, d_.options.to));
    page.set("generated_at", format_rfc3339(d_.options.now));
    page.set("currency", d_.shop.currency);
    page.set("timezone", d_.shop.zone.name());
    page.set("tiles", tiles());
    page.set("freshness", freshness());
    data nav = list();
    for (const auto& s : sections()) {
      data item = object();
      item.set("id", s.id);
      item.set("heading", s.heading);
      nav.push_back(item);
    }
    page.set("nav", nav);
    page.set("sections", section_list());
    return t_.render("page", page);
  }

 private:
  int exp() const { return d_.shop.currency_exponent; }
  double major(std::int64_t minor) const { return static_cast<double>(minor) / std::pow(10.0, exp()); }
  std::string money(std::int64_t minor) const { return money_text(minor, exp(), d_.shop.currency); }
  std::string money_of(double major_units) const {
    return money(round_to_minor_units(major_units * std::pow(10.0, exp()), exp()));
  }
  std::string day_text(Day day) const { return format_date(day); }
  std::string range_text(Instant from, Instant to) const {
    return format_date(d_.shop.zone.local_day(from)) + " to " +
           format_date(d_.shop.zone.local_day(to - std::chrono::seconds{1}));
  }

  // ----- key numbers
  data tile(const char* key, const char* label, std::optional<double> now, std::optional<double> before,
            std::optional<double> year_ago, const std::function<std::string(std::optional<double>)>& show,
            const std::string& raw) {
    data t = object();
    t.set("key", key);
    t.set("label", label);
    t.set("value", show(now));
    t.set("raw", raw);
    for (auto [name, other] : {std::pair{"vs_previous", before}, std::pair{"vs_last_year", year_ago}}) {
      Change c = change_between(now, other);
      data v = object();
      v.set("text", change_text(c));
      v.set("words", change_words(c));
      v.set("was", show(other));
      v.set("direction", c.direction == Change::Direction::up     ? "up"
                         : c.direction == Change::Direction::down ? "down"
                         : c.direction == Change::Direction::flat ? "flat"
                                                                  : "unknown");
      t.set(name, v);
    }
    return t;
  }

  data tiles() {
    const RangeKpis &c = d_.current, &p = d_.previous, &y = d_.last_year;
    auto count = [](std::optional<double> v) { return v ? count_text(std::llround(*v)) : std::string("–"); };
    auto money_shown = [this](std::optional<double> v) {
      return v ? money(static_cast<std::int64_t>(*v)) : std::string("–");
    };
    auto rate = [](std::optional<double> v) { return percent_text(v); };
    auto as_double = [](std::optional<std::int64_t> v) -> std::optional<double> {
      if (!v) return std::nullopt;
      return static_cast<double>(*v);
    };
    auto d = [](std::int64_t v) { return std::optional<double>(static_cast<double>(v)); };
    data out = list();
    out.push_back(tile("orders", "Orders", d(c.orders), d(p.orders), d(y.orders), count, std::to_string(c.orders)));
    out.push_back(tile("net_sales", "Net sales", d(c.net_sales()), d(p.net_sales()), d(y.net_sales()), money_shown,
                       format_minor_units(c.net_sales(), exp())));
    out.push_back(tile("aov", "Average order value", as_double(c.aov()), as_double(p.aov()), as_double(y.aov()),
                       money_shown, c.aov() ? format_minor_units(*c.aov(), exp()) : ""));
    out.push_back(tile("new_customers", "New customers", d(c.new_customers), d(p.new_customers), d(y.new_customers),
                       count, std::to_string(c.new_customers)));
    auto raw_rate = [](const analytics::Rate& r) {
      auto v = r.value();
      return v ? fmt::format("{}", *v) : std::string();
    };
    out.push_back(tile("checkout_conversion", "Checkout conversion", c.checkout_conversion.value(),
                       p.checkout_conversion.value(), y.checkout_conversion.value(), rate,
                       raw_rate(c.checkout_conversion)));
    out.push_back(tile("cart_recovery_rate", "Cart recovery", c.cart_recovery_rate.value(),
                       p.cart_recovery_rate.value(), y.cart_recovery_rate.value(), rate,
                       raw_rate(c.cart_recovery_rate)));
    out.push_back(
        tile("csat", "Customer satisfaction", c.csat.value(), p.csat.value(), y.csat.value(), rate, raw_rate(c.csat)));
    return out;
  }

  // ----- charts
  std::string chart_html(const data& chart) const { return t_.render("chart", chart); }

  std::vector<std::string> week_names() const {
    std::vector<std::string> names;
    for (const auto& w : d_.weeks)
      names.push_back("week of " + day_text(w.period_start) + (w.partial ? " (part)" : ""));
    return names;
  }
  std::vector<std::string> week_ticks() const {
    std::vector<std::string> ticks;
    for (const auto& w : d_.weeks) {
      std::chrono::year_month_day ymd{w.period_start};
      static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
      ticks.push_back(
          fmt::format("{} {}", static_cast<unsigned>(ymd.day()), months[static_cast<unsigned>(ymd.month()) - 1]));
    }
    return ticks;
  }
  XYChart weekly(const char* id, const char* title, const char* y_label, XYChart::Style style) const {
    XYChart c;
    c.style = style;
    c.id = id;
    c.title = title;
    c.x_label = "ISO week (Monday)";
    c.y_label = y_label;
    c.categories = week_names();
    c.category_ticks = week_ticks();
    return c;
  }
  ValueText money_axis() const {
    return [](double v) { return amount_text(v, true); };
  }
  ValueText money_values() const {
    return [this](double v) { return money_of(v); };
  }
  static ValueText counts() {
    return [](double v) { return count_text(std::llround(v)); };
  }

  std::string description_of_series(const std::vector<std::optional<double>>& values, const ValueText& show,
                                    const std::string& what) const {
    std::optional<double> lo, hi, last;
    size_t lo_i = 0, hi_i = 0;
    for (size_t i = 0; i < values.size(); ++i) {
      if (!values[i]) continue;
      if (!lo || *values[i] < *lo) lo = values[i], lo_i = i;
      if (!hi || *values[i] > *hi) hi = values[i], hi_i = i;
      last = values[i];
    }
    if (!hi) return what + ": no data in this period.";
    auto names = week_names();
    return fmt::format("{} over {} weeks: highest {} ({}), lowest {} ({}), latest {}.", what, values.size(), show(*hi),
                       names[hi_i], show(*lo), names[lo_i], show(*last));
  }

  std::vector<std::string> sales_charts() {
    auto revenue =
        weekly("chart-revenue", "Net sales per week", ("Net sales, " + d_.shop.currency).c_str(), XYChart::Style::bars);
    Series net{"Net sales", palette::blue, {}, false};
    Series orders_series{"Orders", palette::orange, {}, false};
    for (const auto& w : d_.weeks) {
      net.values.push_back(major(w.net_sales()));
      orders_series.values.push_back(static_cast<double>(w.orders));
    }
    revenue.description = description_of_series(net.values, money_values(), "Net sales per week");
    revenue.series = {net};
    revenue.tick_text = money_axis();
    revenue.value_text = money_values();
    auto orders = weekly("chart-orders", "Orders per week", "Orders", XYChart::Style::bars);
    orders.description = description_of_series(orders_series.values, counts(), "Orders per week");
    orders.series = {orders_series};
    orders.tick_text = counts();
    orders.value_text = counts();
    return {chart_html(xy_chart(revenue)), chart_html(xy_chart(orders))};
  }

  std::vector<std::string> aov_charts() {
    auto c = weekly("chart-aov", "Average order value per week", ("AOV, " + d_.shop.currency).c_str(),
                    XYChart::Style::lines);
    Series s{"Average order value", palette::blue, {}, false};
    for (const auto& w : d_.weeks) s.values.push_back(w.aov ? std::optional<double>(major(*w.aov)) : std::nullopt);
    c.description = description_of_series(s.values, money_values(), "Average order value");
    c.series = {s};
    c.tick_text = money_axis();
    c.value_text = money_values();
    return {chart_html(xy_chart(c))};
  }

  std::vector<std::string> customer_charts() {
    auto c = weekly("chart-new-returning", "New and returning customers per week", "Customers",
                    XYChart::Style::stacked_bars);
    Series fresh{"New", palette::sky, {}, false}, back{"Returning", palette::vermillion, {}, false};
    std::int64_t total_new = 0, total_back = 0;
    for (const auto& w : d_.weeks) {
      fresh.values.push_back(static_cast<double>(w.new_customers));
      back.values.push_back(static_cast<double>(w.returning_customers));
      total_new += w.new_customers;
      total_back += w.returning_customers;
    }
    c.description = fmt::format(
        "Stacked bars per week: new customers (first order ever) and returning customers. Over the period, {} new "
        "and {} returning customer-weeks.",
        count_text(total_new), count_text(total_back));
    c.series = {fresh, back};
    c.tick_text = counts();
    c.value_text = counts();
    return {chart_html(xy_chart(c))};
  }

  std::vector<std::string> cohort_charts() {
    HeatMap h;
    h.id = "chart-cohorts";
    h.title = "Share of each first-order month's customers who ordered again";
    h.row_label = "First order";
    h.column_label = "Months since the first order";
    size_t widest = 0;
    for (const auto& c : d_.cohorts) widest = std::max(widest, c.active.size());
    for (size_t k = 1; k < widest; ++k) h.columns.push_back("+" + std::to_string(k));
    double month1_sum = 0;
    int month1_n = 0;
    for (const auto& c : d_.cohorts) {
      h.rows.push_back(format_date(c.month).substr(0, 7));
      h.row_notes.push_back(count_text(c.customers));
      std::vector<std::optional<double>> row;
      for (size_t k = 1; k < widest; ++k) {
        if (k >= c.active.size() || c.customers == 0)
          row.push_back(std::nullopt);
        else
          row.push_back(static_cast<double>(c.active[k]) / static_cast<double>(c.customers));
      }
      if (c.active.size() > 1 && c.customers) month1_sum += *row[0], ++month1_n;
      h.shares.push_back(std::move(row));
    }
    h.description = d_.cohorts.empty()
                        ? "No first orders in this period."
                        : fmt::format(
                              "Heat map of {} monthly cohorts; darker means more of the cohort ordered again. "
                              "On average {} ordered again in the month after their first order.",
                              d_.cohorts.size(), percent_text(month1_n ? month1_sum / month1_n : 0.0));
    return {chart_html(heat_map(h))};
  }

  std::vector<std::string> segment_charts() {
    BarList b;
    b.id = "chart-segments";
    b.title = "Customers per RFM segment";
    b.value_label = "Customers";
    b.note_label = "What it means, what to do";
    b.value_text = counts();
    std::int64_t total = 0;
    for (const auto& g : segment_guides()) {
      auto it = d_.segments.find(g.segment);
      std::int64_t n = it == d_.segments.end() ? 0 : it->second;
      total += n;
      b.rows.push_back({g.segment, palette::blue, static_cast<double>(n), std::string(g.meaning) + ": " + g.action});
    }
    b.description = fmt::format("Horizontal bars: customers in each of the 11 RFM segments, {} customers in all. {}",
                                count_text(total), largest_of(b.rows));
    return {chart_html(bar_list(b))};
  }
  static std::string largest_of(const std::vector<BarRow>& rows) {
    auto it =
        std::max_element(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
    if (it == rows.end() || it->value == 0) return "";
    return "The largest is " + it->label + " (" + count_text(std::llround(it->value)) + ").";
  }

  std::vector<std::string> clv_charts() {
    XYChart c;
    c.style = XYChart::Style::bars;
    c.id = "chart-clv";
    c.title = "Customers by lifetime value over the next year";
    c.x_label = "Expected value, " + d_.shop.currency;
    c.y_label = "Customers";
    std::vector<double> values;
    for (auto v : d_.clv) values.push_back(major(v));
    std::sort(values.begin(), values.end());
    Series s{"Customers", palette::green, {}, false};
    if (!values.empty()) {
      // Bins up to the 95th percentile, so a few big spenders do not squash the rest into one bar;
      // the last bin holds everyone above.
      double cap = values[static_cast<size_t>(std::floor(0.95 * static_cast<double>(values.size() - 1)))];
      auto edges = nice_ticks(0, std::max(cap, 1.0), 10);
      for (size_t i = 0; i + 1 < edges.size(); ++i) {
        bool last = i + 2 == edges.size();
        c.categories.push_back(last ? amount_text(edges[i], true) + " and more"
                                    : amount_text(edges[i], true) + "–" + amount_text(edges[i + 1], true));
        c.category_ticks.push_back(amount_text(edges[i], true));
        auto from = std::lower_bound(values.begin(), values.end(), edges[i]);
        auto to = last ? values.end() : std::lower_bound(values.begin(), values.end(), edges[i + 1]);
        s.values.push_back(static_cast<double>(to - from));
      }
      double total = 0;
      for (double v : values) total += v;
      c.description = fmt::format(
          "Histogram of {} customers' expected value over the next year: median {}, mean {}, {} at risk of having "
          "lapsed.",
          count_text(static_cast<std::int64_t>(values.size())), money_of(values[values.size() / 2]),
          money_of(total / static_cast<double>(values.size())), count_text(d_.at_risk_customers));
    } else {
      c.description = "No customer value model could be fitted.";
    }
    c.series = {s};
    c.tick_text = counts();
    c.value_text = counts();
    return {chart_html(xy_chart(c))};
  }

  std::vector<std::string> cart_charts() {
    BarList f;
    f.id = "chart-funnel";
    f.title = "Cart-recovery funnel";
    f.value_label = "Checkouts";
    f.value_text = counts();
    f.note_label = "Share of abandoned";
    auto share = [&](std::int64_t n) {
      return d_.abandoned_checkouts ? percent_text(static_cast<double>(n) / static_cast<double>(d_.abandoned_checkouts))
                                    : std::string("–");
    };
    std::int64_t planned = 0, planned_recovered = 0;
    for (const auto& c : d_.campaigns)
      if (c.campaign == "carts: cart-recovery")
        planned = c.treatment + c.holdout, planned_recovered = c.treatment_converted + c.holdout_converted;
    f.rows = {{"Abandoned", palette::blue, static_cast<double>(d_.abandoned_checkouts), share(d_.abandoned_checkouts)},
              {"Recovered (any way)", palette::green, static_cast<double>(d_.recovered_checkouts),
               share(d_.recovered_checkouts)},
              {"Planned for recovery", palette::orange, static_cast<double>(planned), share(planned)},
              {"Planned and recovered", palette::vermillion, static_cast<double>(planned_recovered),
               share(planned_recovered)}};
    f.description = fmt::format(
        "{} checkouts were abandoned in the period and {} of them recovered ({}); {} were planned for a recovery "
        "email.",
        count_text(d_.abandoned_checkouts), count_text(d_.recovered_checkouts), share(d_.recovered_checkouts),
        count_text(planned));
    IntervalChart u;
    u.id = "chart-uplift";
    u.title = "Uplift of each campaign over its holdout";
    u.value_label = "Conversion uplift, percentage points";
    u.value_text = [](double v) { return fmt::format("{:+.1f} pts", v * 100); };
    std::string words;
    for (const auto& c : d_.campaigns) {
      u.rows.push_back(
          {c.campaign, c.uplift, c.ci_low, c.ci_high, c.conclusive,
           fmt::format("treatment {} of {} ({}), holdout {} of {} ({})", count_text(c.treatment_converted),
                       count_text(c.treatment), percent_text(c.treatment_rate), count_text(c.holdout_converted),
                       count_text(c.holdout), percent_text(c.holdout_rate))});
      words += " " + c.campaign + ": " +
               (c.uplift ? u.value_text(*c.uplift) + (c.conclusive ? ", conclusive." : ", not conclusive.")
                         : "no comparison yet.");
    }
    u.description = "Each campaign's uplift in conversion against its holdout with the 95% interval." + words;
    return {chart_html(bar_list(f)), chart_html(interval_chart(u))};
  }

  std::vector<std::string> support_charts() {
    auto reply = weekly("chart-first-reply", "First reply time per week", "Hours", XYChart::Style::lines);
    Series median{"Median", palette::blue, {}, false}, p90{"90th percentile", palette::vermillion, {}, true};
    auto hours = [](std::optional<double> minutes) {
      return minutes ? std::optional<double>(*minutes / 60) : std::nullopt;
    };
    Series csat{"CSAT", palette::green, {}, false};
    for (const auto& w : d_.weeks) {
      median.values.push_back(hours(w.first_reply_minutes_median));
      p90.values.push_back(hours(w.first_reply_minutes_p90));
      csat.values.push_back(w.csat.value() ? std::optional<double>(*w.csat.value() * 100) : std::nullopt);
    }
    auto hours_text = [](double h) { return minutes_text(h * 60); };
    reply.series = {median, p90};
    reply.tick_text = [](double h) { return fmt::format("{:g}", h); };
    reply.value_text = hours_text;
    reply.description = description_of_series(median.values, hours_text, "Median first reply time") +
                        " The dashed line is the 90th percentile.";
    auto sat = weekly("chart-csat", "Customer satisfaction per week", "Good ratings, %", XYChart::Style::lines);
    sat.series = {csat};
    sat.tick_text = [](double v) { return fmt::format("{:g}%", v); };
    sat.value_text = [](double v) { return fmt::format("{:.1f}%", v); };
    sat.description = description_of_series(csat.values, sat.value_text, "Share of good ratings (CSAT)");
    return {chart_html(xy_chart(reply)), chart_html(xy_chart(sat))};
  }

  std::vector<std::string> audit_charts() {
    BarList b;
    b.id = "chart-audit";
    b.title = "Audit findings by severity";
    b.value_label = "Findings";
    b.value_text = counts();
    std::int64_t by[3] = {0, 0, 0};
    for (const auto& f : d_.findings) ++by[static_cast<int>(f.severity)];
    b.rows = {{"error", palette::vermillion, static_cast<double>(by[2]), "fix first: data or money is wrong"},
              {"warn", palette::orange, static_cast<double>(by[1]), "worth fixing soon"},
              {"info", palette::sky, static_cast<double>(by[0]), "good to know"}};
    b.note_label = "Meaning";
    b.description = fmt::format("{} errors, {} warnings and {} notes from shopkeep audit.", by[2], by[1], by[0]);
    return {chart_html(bar_list(b))};
  }

  // ----- tables

  // Net sales per sales channel (Shopify's sourceName), with each one's share; shown from two channels.
  std::vector<data> channel_tables() {
    if (d_.channels.size() < 2) return {};
    std::int64_t total = 0;
    for (const auto& c : d_.channels) total += c.kpis.net_sales();
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : d_.channels) {
      std::optional<double> share;
      if (total > 0) share = static_cast<double>(c.kpis.net_sales()) / static_cast<double>(total);
      rows.push_back({c.channel, count_text(c.kpis.orders), money(c.kpis.net_sales()), percent_text(share)});
    }
    return {data_table("Net sales per sales channel (kpi --by-channel)", {"Channel", "Orders", "Net sales", "Share"},
                       rows)};
  }

  std::vector<data> pair_tables() {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : d_.pairs)
      rows.push_back({p.antecedent.front(), p.consequent, count_text(p.count), percent_text(p.support, 2),
                      percent_text(p.confidence), fmt::format("{:.2f}", p.lift)});
    if (rows.empty()) return {};
    return {data_table("Product pairs bought together, most orders first",
                       {"Product", "Bought with", "Orders", "Support", "Confidence", "Lift"}, rows)};
  }

  std::vector<data> restock_tables() {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : d_.running_out) {
      if (rows.size() == 20) break;
      rows.push_back({r.facts.title, r.facts.sku.value_or(""), count_text(r.on_hand),
                      fmt::format("{:.1f}", r.demand_per_day),
                      r.days_of_cover ? fmt::format("{:.0f}", *r.days_of_cover) : "–",
                      r.stockout_date ? format_date(*r.stockout_date) : "–", std::to_string(r.lead_time_days),
                      count_text(std::llround(r.reorder_quantity))});
    }
    if (rows.empty()) return {};
    std::string caption = fmt::format("{} variants run out within their lead time{}", d_.running_out.size(),
                                      d_.running_out.size() > 20 ? " (the first 20; shopkeep restock lists all)" : "");
    return {data_table(
        caption,
        {"Variant", "SKU", "On hand", "Sold per day", "Days of cover", "Runs out", "Lead time (days)", "Order"}, rows)};
  }

  std::vector<data> support_tables() {
    const auto& q = d_.support_queue;
    std::vector<data> tables = {
        data_table("Tickets waiting now", {"", "Tickets"},
                   {{"Open (new or open)", count_text(q.open)},
                    {"Without any reply", count_text(q.unanswered)},
                    {"Without a reply for over 24 hours", count_text(q.overdue)},
                    {"Urgent or high priority", count_text(q.urgent_or_high)},
                    {"To escalate to a person (shopkeep support triage)", count_text(d_.escalations)}})};
    if (!d_.teams.empty()) tables.push_back(team_table());
    return tables;
  }

  // Support per team (Zendesk groups), when the account has groups.
  data team_table() {
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : d_.teams)
      rows.push_back({t.team, count_text(t.tickets), count_text(t.solved), minutes_text(t.first_reply_minutes_median),
                      percent_text(t.csat.value())});
    return data_table("Tickets of the period per team (Zendesk groups)",
                      {"Team", "Tickets", "Solved", "Median first reply", "CSAT"}, rows);
  }

  std::vector<data> audit_tables() {
    std::map<std::string, std::array<std::int64_t, 3>> by_category;
    for (const auto& f : d_.findings) ++by_category[f.category][static_cast<int>(f.severity)];
    std::vector<std::vector<std::string>> rows;
    for (const auto& [category, n] : by_category)
      rows.push_back({category, count_text(n[2]), count_text(n[1]), count_text(n[0])});
    if (rows.empty()) return {};
    return {data_table("Findings per category", {"Category", "Errors", "Warnings", "Info"}, rows)};
  }

  // ----- sections
  data section_list() {
    data out = list();
    for (const auto& s : sections()) {
      std::string id = s.id;
      std::vector<std::string> charts;
      std::vector<data> tables;
      if (id == "sales")
        charts = sales_charts(), tables = channel_tables();
      else if (id == "aov")
        charts = aov_charts();
      else if (id == "customers")
        charts = customer_charts();
      else if (id == "cohorts")
        charts = cohort_charts();
      else if (id == "segments")
        charts = segment_charts();
      else if (id == "clv")
        charts = clv_charts();
      else if (id == "carts")
        charts = cart_charts();
      else if (id == "pairs")
        tables = pair_tables();
      else if (id == "restock")
        tables = restock_tables();
      else if (id == "support")
        charts = support_charts(), tables = support_tables();
      else if (id == "audit")
        charts = audit_charts(), tables = audit_tables();
      if (id == "kpis") continue;  // the tiles, laid out by the page itself
      data sec = object();
      sec.set("id", s.id);
      sec.set("heading", s.heading);
      sec.set("intro", s.intro);
      auto note = d_.notes.find(id);
      if (note != d_.notes.end())
        sec.set("note", note->second);
      else if (id == "pairs" && tables.empty())
        sec.set("note", "No pair of products is in 1% of orders yet.");
      else if (id == "restock" && tables.empty())
        sec.set("note", "Nothing runs out within its lead time.");
      else if (id == "audit" && d_.findings.empty())
        sec.set("note", "No findings.");
      data c = list();
      for (auto& html : charts) c.push_back(data("svg", html));
      sec.set("charts", c);
      data t = list();
      for (auto& table_data : tables) t.push_back(table_data);
      sec.set("tables", t);
      out.push_back(sec);
    }
    return out;
  }

  data freshness() {
    data f = object();
    const auto& status = d_.status;
    auto text_of = [](const nlohmann::ordered_json& j, const char* key) {
      return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string("–");
    };
    const auto& range = status.contains("data") ? status["data"] : nlohmann::ordered_json::object();
    f.set("first_order_at", text_of(range, "first_order_at"));
    f.set("last_order_at", text_of(range, "last_order_at"));
    data sources = list();
    if (status.contains("sources"))
      for (const auto& s : status["sources"]) {
        data row = object();
        row.set("name", text_of(s, "source") + " " + text_of(s, "resource"));
        row.set("at", text_of(s, "last_success"));
        sources.push_back(row);
      }
    if (status.contains("imports"))
      for (const auto& s : status["imports"]) {
        data row = object();
        row.set("name", text_of(s, "source") + " import");
        row.set("at", text_of(s, "last_import"));
        sources.push_back(row);
      }
    f.set("sources", sources);
    return f;
  }

  const ReportData& d_;
  const ReportTemplates& t_;
};

}  // namespace

const std::vector<std::string>& report_section_headings() {
  static const std::vector<std::string> headings = [] {
    std::vector<std::string> out;
    for (const auto& s : sections()) out.emplace_back(s.heading);
    return out;
  }();
  return headings;
}

std::string render_report(const ReportData& report, const ReportTemplates& templates) {
  return PageBuilder(report, templates).render();
}

}  // namespace shopkeep::report
