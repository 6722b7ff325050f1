#include "report/brief.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "analytics/audit/audit.hpp"
#include "analytics/carts/cart_config.hpp"
#include "analytics/carts/cart_plan.hpp"
#include "analytics/restock/restock_plan.hpp"
#include "analytics/rfm.hpp"
#include "analytics/support/triage_config.hpp"
#include "analytics/support/triage_report.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "report/change.hpp"
#include "report/people_numbers.hpp"
#include "store/status.hpp"

namespace shopkeep::report {

using Json = nlohmann::ordered_json;
using std::chrono::days;

namespace {

analytics::PeriodKpis week_kpis(store::Db& db, const store::ShopSettings& shop, Day monday) {
  analytics::KpiOptions k;
  k.by = analytics::PeriodKind::week;
  k.from = shop.zone.start_of_day(monday);
  k.to = shop.zone.start_of_day(monday + days{7});
  auto periods = analytics::shop_kpis(db, k, shop);
  if (!periods.empty()) return periods.front();
  analytics::PeriodKpis none;
  none.period_start = monday;
  return none;
}

std::string plural(std::int64_t n, const char* one, const char* many) {
  return count_text(n) + " " + (n == 1 ? one : many);
}

int kind_rank(const std::string& kind) {
  static const char* order[] = {"carts", "tickets", "reorder", "winback", "audit_errors"};
  for (int i = 0; i < 5; ++i)
    if (kind == order[i]) return i;
  return 5;
}

// Counts one action; an analysis that cannot run (no data yet) counts nothing rather than failing the brief.
template <typename F>
std::int64_t count_or_zero(F&& count) {
  try {
    return count();
  } catch (const Error&) {
    return 0;
  }
}

std::vector<BriefAction> actions(store::Db& db, const Config& config, const store::ShopSettings& shop, Instant now) {
  std::vector<BriefAction> out;
  auto carts = count_or_zero([&] {
    analytics::carts::PlanOptions plan;
    plan.now = now;
    plan.record = false;  // a look, not a plan: nothing is assigned or stored
    std::int64_t n = 0;
    for (const auto& row : analytics::carts::plan_carts(db, plan, analytics::carts::load_cart_config(config), shop))
      n += row.plan.step.has_value() && row.plan.group == "treatment";
    return n;
  });
  out.push_back(
      {"carts", 0, carts, plural(carts, "abandoned cart", "abandoned carts") + " to chase now", "shopkeep carts"});
  auto tickets = count_or_zero([&] {
    namespace support = analytics::support;
    SilentReporter quiet;  // the triage command says what its model could not fit; the brief only counts
    std::int64_t n = 0;
    for (const auto& t :
         support::triage_open_tickets(db, config, support::load_triage_config(config), shop, now, quiet))
      n += t.triage.escalate;
    return n;
  });
  out.push_back({"tickets", 0, tickets, plural(tickets, "ticket", "tickets") + " to escalate to a person",
                 "shopkeep support triage"});
  auto reorder = count_or_zero([&] {
    return static_cast<std::int64_t>(analytics::restock::running_out_within_lead_time(
                                         db, shop, analytics::restock::load_restock_settings(config), now)
                                         .size());
  });
  out.push_back({"reorder", 0, reorder, plural(reorder, "product", "products") + " to reorder before they run out",
                 "shopkeep restock"});
  auto winback = count_or_zero([&] {
    std::int64_t n = 0;
    for (const auto& s : analytics::rfm_scores(db, now, shop))
      n += s.segment == "At Risk" || s.segment == "Can't Lose Them";
    return n;
  });
  out.push_back({"winback", 0, winback, plural(winback, "good customer", "good customers") + " to win back",
                 "shopkeep customers rfm"});
  auto errors = count_or_zero([&] {
    std::int64_t n = 0;
    for (const auto& f : analytics::audit::run_audit(db, config, shop, now, {}))
      n += f.severity == analytics::audit::Severity::error;
    return n;
  });
  out.push_back({"audit_errors", 0, errors, plural(errors, "audit error", "audit errors") + " to fix",
                 "shopkeep audit --fail-on error"});
  order_actions(out);
  return out;
}

std::optional<std::string> text_at(const Json& j, const char* a, const char* b) {
  if (!j.contains(a) || !j[a].is_object() || !j[a].contains(b) || !j[a][b].is_string()) return std::nullopt;
  return j[a][b].get<std::string>();
}

}  // namespace

void order_actions(std::vector<BriefAction>& actions) {
  std::stable_sort(actions.begin(), actions.end(), [](const BriefAction& a, const BriefAction& b) {
    if ((a.count > 0) != (b.count > 0)) return a.count > 0;
    return kind_rank(a.kind) < kind_rank(b.kind);
  });
  for (size_t i = 0; i < actions.size(); ++i) actions[i].priority = static_cast<int>(i) + 1;
}

Brief gather_brief(store::Db& db, const Config& config, Instant now) {
  Brief b;
  b.shop = store::load_shop_settings(db, config);
  b.as_of = now;
  b.weeks = brief_weeks(now, b.shop.zone);
  b.week = week_kpis(db, b.shop, b.weeks.week);
  b.previous = week_kpis(db, b.shop, b.weeks.previous);
  b.last_year = week_kpis(db, b.shop, b.weeks.last_year);
  auto status = store::store_status(db, now);
  b.data_through = text_at(status, "data", "last_order_at");
  if (status.contains("data") && status["data"].is_object() && status["data"].contains("newest_order_age_days") &&
      status["data"]["newest_order_age_days"].is_number())
    b.newest_order_age_days = status["data"]["newest_order_age_days"].get<double>();
  for (const auto& s : status.value("sources", Json::array()))
    if (s.contains("last_success") && s["last_success"].is_string())
      b.sources.push_back(fmt::format("{} {}: {}", s.value("source", ""), s.value("resource", ""),
                                      s["last_success"].get<std::string>()));
  for (const auto& s : status.value("imports", Json::array()))
    if (s.contains("last_import") && s["last_import"].is_string())
      b.sources.push_back(fmt::format("{} import: {}", s.value("source", ""), s["last_import"].get<std::string>()));
  b.actions = actions(db, config, b.shop, now);
  return b;
}

namespace {

// The five numbers of a week, as the brief compares them.
struct Figure {
  const char* key;
  const char* label;
  enum class Kind { count, money, rate } kind;
  std::optional<double> (*get)(const analytics::PeriodKpis&);
};

const std::vector<Figure>& figures() {
  static const std::vector<Figure> all = {
      {"orders", "Orders", Figure::Kind::count,
       [](const analytics::PeriodKpis& p) -> std::optional<double> { return static_cast<double>(p.orders); }},
      {"net_sales", "Net sales", Figure::Kind::money,
       [](const analytics::PeriodKpis& p) -> std::optional<double> { return static_cast<double>(p.net_sales()); }},
      {"aov", "Avg order", Figure::Kind::money,
       [](const analytics::PeriodKpis& p) -> std::optional<double> {
         if (!p.aov) return std::nullopt;
         return static_cast<double>(*p.aov);
       }},
      {"checkout_conversion", "Checkout conv.", Figure::Kind::rate,
       [](const analytics::PeriodKpis& p) { return p.checkout_conversion.value(); }},
      {"csat", "CSAT", Figure::Kind::rate, [](const analytics::PeriodKpis& p) { return p.csat.value(); }},
  };
  return all;
}

Json figure_json(const Figure& f, std::optional<double> v, const store::ShopSettings& shop) {
  if (!v) return nullptr;
  switch (f.kind) {
    case Figure::Kind::count: return static_cast<std::int64_t>(*v);
    case Figure::Kind::money: return format_minor_units(static_cast<std::int64_t>(*v), shop.currency_exponent);
    case Figure::Kind::rate: return *v;
  }
  return nullptr;
}

std::string figure_text(const Figure& f, std::optional<double> v, const store::ShopSettings& shop) {
  if (!v) return "–";
  switch (f.kind) {
    case Figure::Kind::count: return count_text(static_cast<std::int64_t>(*v));
    case Figure::Kind::money: {
      // The currency is in the row's label, so the columns stay narrow.
      auto text = money_text(static_cast<std::int64_t>(*v), shop.currency_exponent, "");
      return text.substr(0, text.size() - 1);
    }
    case Figure::Kind::rate: return percent_text(v);
  }
  return "–";
}

std::string pad_left(const std::string& text, size_t width) {
  size_t w = display_width(text);
  return w >= width ? text : std::string(width - w, ' ') + text;
}
std::string pad_right(const std::string& text, size_t width) {
  size_t w = display_width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

std::string week_name(Day monday) {
  auto w = iso_week_of(monday);
  return fmt::format("{}-W{:02}", w.year, w.week);
}

std::string age_text(std::chrono::seconds age) {
  auto minutes = static_cast<double>(age.count()) / 60;
  return minutes < 0 ? "after" : minutes_text(minutes);
}

}  // namespace

size_t display_width(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

Json to_json(const Brief& b) {
  Json j;
  j["as_of"] = format_rfc3339(b.as_of);
  j["data_through"] = b.data_through ? Json(*b.data_through) : Json();
  j["week_start"] = format_date(b.weeks.week);
  j["previous_week_start"] = format_date(b.weeks.previous);
  j["last_year_week_start"] = format_date(b.weeks.last_year);
  j["currency"] = b.shop.currency;
  Json week = Json::object();
  for (const auto& f : figures())
    week[f.key] = {{"value", figure_json(f, f.get(b.week), b.shop)},
                   {"previous", figure_json(f, f.get(b.previous), b.shop)},
                   {"last_year", figure_json(f, f.get(b.last_year), b.shop)}};
  j["week"] = week;
  Json actions = Json::array();
  for (const auto& a : b.actions)
    actions.push_back({{"kind", a.kind},
                       {"priority", a.priority},
                       {"count", a.count},
                       {"message", a.message},
                       {"command", a.command}});
  j["actions"] = actions;
  return j;
}

std::string brief_text(const Brief& b) {
  std::string out;
  auto line = [&](const std::string& text) { out += text + "\n"; };
  line(fmt::format("Week {} ({} to {}), as of {}", week_name(b.weeks.week), format_date(b.weeks.week),
                   format_date(b.weeks.week + days{6}), format_rfc3339(b.as_of)));
  line("");
  // 17 + 16 + 23 + 23 = 79 columns.
  line(pad_right("", 17) + pad_left("This week", 16) + pad_left("Last week", 14) + std::string(9, ' ') +
       pad_left(week_name(b.weeks.last_year), 14));
  for (const auto& f : figures()) {
    auto now = f.get(b.week), before = f.get(b.previous), year_ago = f.get(b.last_year);
    auto compared = [&](std::optional<double> other) {
      return pad_left(figure_text(f, other, b.shop), 14) + pad_left(change_text(change_between(now, other)), 9);
    };
    std::string label = f.kind == Figure::Kind::money ? fmt::format("{} ({})", f.label, b.shop.currency) : f.label;
    line(pad_right(label, 17) + pad_left(figure_text(f, now, b.shop), 16) + compared(before) + compared(year_ago));
  }
  line("");
  line("To do, most urgent first:");
  for (const auto& a : b.actions) {
    std::string head = fmt::format("{:>2}. {}", a.priority, a.count ? a.message : a.message + " (nothing to do)");
    std::string cmd = "$ " + a.command;
    if (display_width(head) + 2 + display_width(cmd) <= 80)
      line(pad_right(head, 80 - display_width(cmd)) + cmd);
    else
      line(head), line("    " + cmd);
  }
  line("");
  std::string fresh = b.data_through ? "Newest order " + *b.data_through
                                     : "No orders in the store yet: run 'shopkeep import' or 'shopkeep sync'";
  if (b.data_through)
    if (auto at = parse_rfc3339(*b.data_through)) fresh += ", " + age_text(b.as_of - *at) + " before the as-of time";
  line(fresh);
  std::string synced;
  for (const auto& s : b.sources) {
    std::string part = (synced.empty() ? "Last: " : "; ") + s;
    if (display_width(synced) + display_width(part) > 80) {
      line(synced);
      synced = "Last: " + s;
    } else {
      synced += part;
    }
  }
  if (!synced.empty()) line(synced);
  return out;
}

}  // namespace shopkeep::report
