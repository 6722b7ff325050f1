#include "analytics/support/team_support.hpp"

#include <algorithm>
#include <map>

namespace shopkeep::analytics::support {

namespace {

struct Tally {
  TeamSupport team;
  std::vector<double> first_replies;
};

}  // namespace

std::vector<TeamSupport> team_support(store::Db& db, Instant from, Instant to) {
  if (db.scalar_int("SELECT EXISTS (SELECT 1 FROM zendesk_groups WHERE deleted_at IS NULL)") == 0) return {};
  store::Stmt s(db,
                "SELECT coalesce(g.name, 'No group'), t.status IN ('solved', 'closed'), m.reply_time_calendar_minutes, "
                "r.good, r.rated "
                "FROM tickets t LEFT JOIN zendesk_groups g ON g.id = t.group_id "
                "LEFT JOIN ticket_metrics m ON m.ticket_id = t.id "
                "LEFT JOIN (SELECT ticket_id, sum(score = 'good') AS good, count(*) AS rated FROM satisfaction_ratings "
                "WHERE score IN ('good', 'bad') AND created_at >= ?1 AND created_at < ?2 GROUP BY ticket_id) r "
                "ON r.ticket_id = t.id "
                "WHERE t.deleted_at IS NULL AND t.created_at >= ?1 AND t.created_at < ?2");
  s.bind(1, format_rfc3339(from)).bind(2, format_rfc3339(to));
  std::map<std::string, Tally> by_team;
  while (s.step()) {
    Tally& t = by_team[s.get_text(0)];
    ++t.team.tickets;
    t.team.solved += s.get_int(1) != 0;
    if (!s.is_null(2)) t.first_replies.push_back(static_cast<double>(s.get_int(2)));
    if (!s.is_null(3)) {
      t.team.csat.n += s.get_int(3);
      t.team.csat.of += s.get_int(4);
    }
  }
  std::vector<TeamSupport> out;
  for (auto& [name, t] : by_team) {
    t.team.team = name;
    t.team.first_reply_minutes_median = median(std::move(t.first_replies));
    out.push_back(std::move(t.team));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.tickets > b.tickets; });
  return out;
}

}  // namespace shopkeep::analytics::support
