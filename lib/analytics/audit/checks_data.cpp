// data: which sources are synced and how fresh, completeness, Zendesk-to-Shopify matching.
#include "analytics/audit/audit.hpp"
#include "analytics/audit/query.hpp"

namespace shopkeep::analytics::audit {

namespace {

// A store filled by imports is as fresh as its newest order: say how old that is.
void import_freshness(const AuditContext& ctx) {
  double days = ctx.number("stale_import_days", 7);
  store::Stmt newest(ctx.db, "SELECT max(ordered_at) FROM counted_orders WHERE ordered_at <= ?1");
  newest.bind(1, format_rfc3339(ctx.now));
  auto last = newest.step() && !newest.is_null(0) ? parse_rfc3339(newest.get_text(0)) : std::nullopt;
  if (!last) {
    ctx.add("shop", "no source has been synced and no order imported: import or sync data first", Severity::warn);
    return;
  }
  auto age_days = std::chrono::duration_cast<std::chrono::hours>(ctx.now - *last).count() / 24;
  std::string text = "no source has been synced; the data comes from file imports, and the newest order is from " +
                     format_rfc3339(*last).substr(0, 10) + " (" + count_of(age_days, "day", "days") + " before now)";
  if (static_cast<double>(age_days) > days)
    ctx.add("shop", text + ": import fresher data or set up 'shopkeep sync' before acting on it", Severity::warn);
  else
    ctx.add("shop", text, Severity::info);
}

void sync_freshness(const AuditContext& ctx) {
  double hours = ctx.number("stale_sync_hours", 48);
  bool any = false;
  each_row(ctx, "SELECT source, resource, last_success FROM sync_state ORDER BY source, resource", nullptr,
           [&](store::Stmt& s) {
             any = true;
             std::string what = s.get_text(0) + "/" + s.get_text(1);
             auto last = s.is_null(2) ? std::nullopt : parse_rfc3339(s.get_text(2));
             if (!last)
               ctx.add("shop", what + " has never synced successfully: run 'shopkeep sync' and check its errors",
                       Severity::warn);
             else if (ctx.now - *last > std::chrono::seconds{static_cast<std::int64_t>(hours * 3600)})
               ctx.add("shop", what + " last synced " + s.get_text(2) + ", more than " +
                                   count_of(static_cast<std::int64_t>(hours), "hour", "hours") +
                                   " ago: schedule 'shopkeep sync' (cron) so decisions use fresh data");
           });
  if (!any) import_freshness(ctx);
}

void completeness(const AuditContext& ctx) {
  double floor = ctx.number("min_completeness", 0.9);
  struct Measure {
    const char* sql;
    const char* what;
    const char* fix;
  };
  const Measure measures[] = {
      {"SELECT count(*), sum(email IS NOT NULL AND trim(email) <> '') FROM customers WHERE deleted_at IS NULL",
       "customers with an email", "collect emails at checkout; without one no email can reach them"},
      {"SELECT count(*), sum(email_marketing_state IS NOT NULL) FROM customers WHERE deleted_at IS NULL",
       "customers with a known consent state", "re-sync customers; unknown consent means no marketing email"},
      {"SELECT count(*), sum(customer_id IS NOT NULL) FROM orders WHERE deleted_at IS NULL AND test = 0",
       "orders linked to a customer", "guest orders count for totals only; encourage accounts or link orders by email"},
  };
  for (const auto& m : measures)
    each_row(ctx, m.sql, nullptr, [&](store::Stmt& s) {
      std::int64_t total = s.get_int(0), ok = s.is_null(1) ? 0 : s.get_int(1);
      if (total == 0) return;
      double share = static_cast<double>(ok) / static_cast<double>(total);
      if (share < floor)
        ctx.add("shop", std::string("only ") + percent(share) + " of " + m.what + " (" + std::to_string(ok) + " of " +
                            std::to_string(total) + "): " + m.fix);
    });
}

void zendesk_match(const AuditContext& ctx) {
  each_row(ctx,
           "SELECT count(DISTINCT t.requester_id), count(DISTINCT CASE WHEN p.customer_id IS NOT NULL THEN "
           "t.requester_id END) "
           "FROM tickets t JOIN zendesk_users z ON z.id = t.requester_id "
           "LEFT JOIN people p ON p.email = lower(trim(z.email)) WHERE t.deleted_at IS NULL",
           nullptr, [&](store::Stmt& s) {
             std::int64_t requesters = s.get_int(0), matched = s.get_int(1);
             if (requesters == 0) return;
             double share = static_cast<double>(matched) / static_cast<double>(requesters);
             ctx.add("shop",
                     percent(share) + " of Zendesk requesters (" + std::to_string(matched) + " of " +
                         std::to_string(requesters) + ") match a Shopify customer by email" +
                         (share < 0.5 ? ": check that support uses the same emails as the shop" : ""),
                     share < 0.5 ? Severity::warn : Severity::info);
           });
}

}  // namespace

void add_data_checks(std::vector<Check>& c) {
  c.push_back({"data.sync_freshness", "data", Severity::warn, "sources synced and how fresh", sync_freshness});
  c.push_back({"data.completeness", "data", Severity::warn, "emails, consent states, orders linked to customers",
               completeness});
  c.push_back({"data.zendesk_match", "data", Severity::info, "Zendesk requesters matching a Shopify customer",
               zendesk_match, "tickets", "no tickets in the store"});
}

}  // namespace shopkeep::analytics::audit
