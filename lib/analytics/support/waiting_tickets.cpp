#include "analytics/support/waiting_tickets.hpp"

namespace shopkeep::analytics::support {

WaitingTickets waiting_tickets(store::Db& db, Instant now, std::chrono::seconds overdue_after) {
  // "Answered" as Zendesk measures it: a first reply time, or agent replies counted in the metrics.
  store::Stmt s(db,
                "SELECT count(*), "
                "coalesce(sum(m.reply_time_calendar_minutes IS NULL AND coalesce(m.replies, 0) = 0), 0), "
                "coalesce(sum(m.reply_time_calendar_minutes IS NULL AND coalesce(m.replies, 0) = 0 "
                "AND t.created_at < ?2), 0), "
                "coalesce(sum(t.priority IN ('urgent', 'high')), 0) "
                "FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id "
                "WHERE t.deleted_at IS NULL AND t.status IN ('new', 'open') AND t.created_at < ?1");
  s.bind(1, format_rfc3339(now)).bind(2, format_rfc3339(now - overdue_after));
  WaitingTickets w;
  if (s.step()) {
    w.open = s.get_int(0);
    w.unanswered = s.get_int(1);
    w.overdue = s.get_int(2);
    w.urgent_or_high = s.get_int(3);
  }
  return w;
}

}  // namespace shopkeep::analytics::support
