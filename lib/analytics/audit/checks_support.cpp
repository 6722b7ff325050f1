// support: first replies past target, tickets unsolved for long, bad ratings without a follow-up,
// people who contact support again and again.
#include "analytics/audit/audit.hpp"
#include "analytics/audit/query.hpp"

namespace shopkeep::analytics::audit {

namespace {

void first_reply(const AuditContext& ctx) {
  // Targets in minutes per priority (config audit.first_reply_minutes_<priority>).
  double low = ctx.number("first_reply_minutes_low", 2880), normal = ctx.number("first_reply_minutes_normal", 1440),
         high = ctx.number("first_reply_minutes_high", 480), urgent = ctx.number("first_reply_minutes_urgent", 60);
  each_row(
      ctx,
      "SELECT t.id, coalesce(t.priority, 'normal'), m.reply_time_calendar_minutes, t.created_at, t.status, "
      "CASE coalesce(t.priority, 'normal') WHEN 'low' THEN ?1 WHEN 'high' THEN ?3 WHEN 'urgent' THEN ?4 ELSE ?2 END AS "
      "target "
      "FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.deleted_at IS NULL AND "
      "(m.reply_time_calendar_minutes > target OR (m.reply_time_calendar_minutes IS NULL AND t.status IN ('new', "
      "'open') "
      "AND (julianday(?5) - julianday(t.created_at)) * 1440 > target)) ORDER BY t.id",
      [&](store::Stmt& s) {
        s.bind(1, low).bind(2, normal).bind(3, high).bind(4, urgent).bind(5, format_rfc3339(ctx.now));
      },
      [&](store::Stmt& s) {
        std::string target = std::to_string(static_cast<std::int64_t>(s.get_double(5)));
        if (s.is_null(2))
          ctx.add(subject("tickets", s.get_int(0)), s.get_text(1) + "-priority ticket from " +
                                                        s.get_text(3).substr(0, 10) + " has no reply yet, past the " +
                                                        target + "-minute target: answer it now");
        else
          ctx.add(subject("tickets", s.get_int(0)), "first reply took " + count_of(s.get_int(2), "minute", "minutes") +
                                                        ", past the " + target + "-minute target for " + s.get_text(1) +
                                                        " priority");
      });
}

void unsolved(const AuditContext& ctx) {
  double days = ctx.number("unsolved_days", 7);
  each_row(
      ctx,
      "SELECT id, status, created_at, subject FROM tickets WHERE deleted_at IS NULL AND status IN ('new', 'open', "
      "'pending', 'hold') "
      "AND created_at < ?1 ORDER BY created_at",
      [&](store::Stmt& s) {
        s.bind(1, format_rfc3339(ctx.now - std::chrono::seconds{static_cast<std::int64_t>(days * 86400)}));
      },
      [&](store::Stmt& s) {
        ctx.add(subject("tickets", s.get_int(0)), "'" + s.get_text(3) + "' is " + s.get_text(1) + " since " +
                                                      s.get_text(2).substr(0, 10) +
                                                      ": solve it or tell the customer why it waits");
      });
}

void bad_csat(const AuditContext& ctx) {
  each_row(ctx,
           "SELECT r.ticket_id, r.created_at FROM satisfaction_ratings r JOIN tickets t ON t.id = r.ticket_id "
           "WHERE r.score = 'bad' AND t.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM ticket_comments c WHERE "
           "c.ticket_id = r.ticket_id "
           "AND c.public = 1 AND c.created_at > r.created_at AND (c.author_id IS NULL OR c.author_id <> "
           "t.requester_id)) ORDER BY r.ticket_id",
           nullptr, [&](store::Stmt& s) {
             ctx.add(subject("tickets", s.get_int(0)), "rated bad on " + s.get_text(1).substr(0, 10) +
                                                           " and nobody followed up: reach out and make it right");
           });
}

void repeat_contacts(const AuditContext& ctx) {
  auto days = static_cast<std::int64_t>(ctx.number("repeat_contact_days", 14));
  auto count = static_cast<std::int64_t>(ctx.number("repeat_contacts", 3));
  each_row(
      ctx,
      "SELECT t.requester_id, count(*), max(z.email) FROM tickets t LEFT JOIN zendesk_users z ON z.id = t.requester_id "
      "WHERE t.deleted_at IS NULL AND t.created_at >= ?1 GROUP BY t.requester_id HAVING count(*) >= ?2 ORDER BY 2 "
      "DESC, 1",
      [&](store::Stmt& s) { s.bind(1, format_rfc3339(ctx.now - std::chrono::days{days})).bind(2, count); },
      [&](store::Stmt& s) {
        ctx.add(subject("zendesk_users", s.get_int(0)), count_of(s.get_int(1), "ticket", "tickets") + " in the last " +
                                                            count_of(days, "day", "days") +
                                                            ": something is not getting solved; call them");
      });
}

}  // namespace

void add_support_checks(std::vector<Check>& c) {
  size_t first = c.size();
  c.push_back({"support.first_reply_overdue", "support", Severity::warn, "first replies past their target per priority",
               first_reply});
  c.push_back({"support.unsolved", "support", Severity::warn, "tickets unsolved after N days", unsolved});
  c.push_back({"support.bad_csat_no_followup", "support", Severity::warn, "bad ratings without a follow-up", bad_csat});
  c.push_back({"support.repeat_contacts", "support", Severity::info, "customers with repeated contacts within N days",
               repeat_contacts});
  needs_rows(c, first, "tickets", "no tickets in the store");
}

}  // namespace shopkeep::analytics::audit
