#include "zendesk/body_writer.hpp"

#include <optional>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::zendesk {

namespace {

using nlohmann::json;

enum class Kind { text, integer, boolean, time, json_text };

struct Field {
  const char* column;
  const char* pointer;  // JSON pointer; "a|b" = the first present
  Kind kind;
};

struct TableSpec {
  const char* table;
  std::span<const Field> fields;
  bool versioned;  // has updated_at: an older version never overwrites a newer one
};

constexpr Field kUsers[] = {
    {"email", "/email", Kind::text},
    {"name", "/name", Kind::text},
    {"role", "/role", Kind::text},
    {"active", "/active", Kind::boolean},
    {"created_at", "/created_at", Kind::time},
    {"updated_at", "/updated_at", Kind::time},
};
constexpr Field kTickets[] = {
    {"requester_id", "/requester_id", Kind::integer},
    {"submitter_id", "/submitter_id", Kind::integer},
    {"assignee_id", "/assignee_id", Kind::integer},
    {"subject", "/subject|/raw_subject", Kind::text},
    {"description", "/description", Kind::text},
    {"status", "/status", Kind::text},
    {"priority", "/priority", Kind::text},
    {"type", "/type", Kind::text},
    {"channel", "/via/channel", Kind::text},
    {"tags", "/tags", Kind::json_text},
    {"created_at", "/created_at", Kind::time},
    {"updated_at", "/updated_at", Kind::time},
};
constexpr Field kMetrics[] = {
    {"ticket_id", "/ticket_id", Kind::integer},
    {"reply_time_calendar_minutes", "/reply_time_in_minutes/calendar", Kind::integer},
    {"reply_time_business_minutes", "/reply_time_in_minutes/business", Kind::integer},
    {"first_resolution_time_calendar_minutes", "/first_resolution_time_in_minutes/calendar", Kind::integer},
    {"full_resolution_time_calendar_minutes", "/full_resolution_time_in_minutes/calendar", Kind::integer},
    {"full_resolution_time_business_minutes", "/full_resolution_time_in_minutes/business", Kind::integer},
    {"replies", "/replies", Kind::integer},
    {"reopens", "/reopens", Kind::integer},
    {"solved_at", "/solved_at", Kind::time},
    {"created_at", "/created_at", Kind::time},
    {"updated_at", "/updated_at", Kind::time},
};
constexpr Field kComments[] = {
    {"ticket_id", "/ticket_id", Kind::integer}, {"author_id", "/author_id", Kind::integer},
    {"public", "/public", Kind::boolean},       {"body", "/plain_body|/body", Kind::text},
    {"created_at", "/created_at", Kind::time},
};
constexpr Field kRatings[] = {
    {"ticket_id", "/ticket_id", Kind::integer},
    {"requester_id", "/requester_id", Kind::integer},
    {"assignee_id", "/assignee_id", Kind::integer},
    {"score", "/score", Kind::text},
    {"comment", "/comment", Kind::text},
    {"reason", "/reason", Kind::text},
    {"created_at", "/created_at", Kind::time},
    {"updated_at", "/updated_at", Kind::time},
};

constexpr TableSpec kUserSpec{"zendesk_users", kUsers, true};
constexpr TableSpec kTicketSpec{"tickets", kTickets, true};
constexpr TableSpec kMetricSpec{"ticket_metrics", kMetrics, true};
constexpr TableSpec kCommentSpec{"ticket_comments", kComments, false};
constexpr TableSpec kRatingSpec{"satisfaction_ratings", kRatings, true};

std::string upsert_sql(const TableSpec& spec) {
  std::string table = spec.table, columns = "id", values = "?1", updates;
  int n = 1;
  auto add = [&](const std::string& column, const std::string& update) {
    columns += ", " + column;
    values += ", ?" + std::to_string(++n);
    updates += (updates.empty() ? "" : ", ") + column + " = " + update;
  };
  for (const auto& f : spec.fields) {
    std::string column = f.column;
    // A deleted ticket keeps the last status it had; `deleted_at` says it is gone.
    if (table == "tickets" && column == "status")
      add(column,
          "CASE WHEN excluded.status = 'deleted' THEN coalesce(tickets.status, 'deleted') ELSE excluded.status END");
    else
      add(column, "excluded." + column);
  }
  add("raw", "excluded.raw");
  add("synced_at", "excluded.synced_at");
  if (table == "tickets" || table == "zendesk_users") add("deleted_at", "excluded.deleted_at");
  std::string sql =
      "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT(id) DO UPDATE SET " + updates;
  if (spec.versioned)
    sql += " WHERE excluded.updated_at IS NULL OR " + table + ".updated_at IS NULL OR excluded.updated_at >= " + table +
           ".updated_at";
  return sql;
}

const json* lookup(const json& item, std::string_view pointers) {
  while (!pointers.empty()) {
    size_t bar = pointers.find('|');
    json::json_pointer pointer{std::string(pointers.substr(0, bar))};
    if (item.contains(pointer) && !item.at(pointer).is_null()) return &item.at(pointer);
    if (bar == std::string_view::npos) break;
    pointers.remove_prefix(bar + 1);
  }
  return nullptr;
}

}  // namespace

struct BodyWriter::Impl {
  store::Db& db;
  Reporter& reporter;
  std::string synced_at;
  WriteCounts counts;
  privacy::SuppressionFilter suppressions;
  store::Stmt users, tickets, metrics, comments, ratings;
  std::string where;  // "tickets.json: tickets[3] (id 42): " for errors

  Impl(store::Db& d, Reporter& r, std::string at)
      : db(d),
        reporter(r),
        synced_at(std::move(at)),
        suppressions(d),
        users(d, upsert_sql(kUserSpec)),
        tickets(d, upsert_sql(kTicketSpec)),
        metrics(d, upsert_sql(kMetricSpec)),
        comments(d, upsert_sql(kCommentSpec)),
        ratings(d, upsert_sql(kRatingSpec)) {}

  [[noreturn]] void fail(const std::string& what) const { throw runtime_error(where + what); }

  void bind_field(store::Stmt& stmt, int index, const Field& f, const json& item) {
    const json* v = lookup(item, f.pointer);
    std::string name = std::string(f.pointer).substr(1, std::string(f.pointer).find('|') - 1);
    if (v == nullptr) {
      stmt.bind_null(index);
      return;
    }
    switch (f.kind) {
      case Kind::text:
        if (v->is_string())
          stmt.bind(index, v->get<std::string>());
        else
          stmt.bind(index, v->dump());
        return;
      case Kind::json_text: stmt.bind(index, v->dump()); return;
      case Kind::integer:
        if (!v->is_number_integer()) fail("field " + name + ": expected an integer, got " + v->dump());
        stmt.bind(index, v->get<std::int64_t>());
        return;
      case Kind::boolean:
        if (!v->is_boolean()) fail("field " + name + ": expected true or false, got " + v->dump());
        stmt.bind(index, std::int64_t{v->get<bool>() ? 1 : 0});
        return;
      case Kind::time: {
        std::optional<Instant> t;
        if (v->is_string()) t = parse_rfc3339(v->get<std::string>());
        if (!t) fail("field " + name + ": invalid time " + v->dump());
        stmt.bind(index, format_rfc3339(*t));
        return;
      }
    }
  }

  std::int64_t item_id(const json& item) {
    auto it = item.find("id");
    if (it == item.end() || !it->is_number_integer()) fail("no usable id");
    return it->get<std::int64_t>();
  }

  // Binds every field and runs the upsert; `deleted_at` is the extra last column where the table has it.
  void upsert(store::Stmt& stmt, const TableSpec& spec, std::int64_t id, const json& item,
              std::optional<std::string> deleted_at = std::nullopt, bool has_deleted = false) {
    stmt.bind(1, id);
    int index = 1;
    for (const auto& f : spec.fields) bind_field(stmt, ++index, f, item);
    stmt.bind(++index, item.dump());
    stmt.bind(++index, synced_at);
    if (has_deleted) stmt.bind(++index, deleted_at);
    stmt.run();
    if (db.changes() > 0)
      ++counts.written[spec.table];
    else
      ++counts.older_skipped;
  }

  template <typename F>
  void each(const json& body, const char* key, const std::string& source, F&& handle) {
    const json& items = body.at(key);
    if (!items.is_array()) {
      where = source + ": ";
      fail(std::string("'") + key + "' is not an array");
    }
    for (size_t i = 0; i < items.size(); ++i) {
      const json& item = items[i];
      where = source + ": " + key + "[" + std::to_string(i) + "]";
      if (item.is_object() && item.contains("id")) where += " (id " + item["id"].dump() + ")";
      where += ": ";
      if (!item.is_object()) fail("expected an object");
      handle(item);
    }
  }

  std::optional<std::string> normalised_time(const json& item, const char* key) {
    auto it = item.find(key);
    if (it == item.end() || !it->is_string()) return std::nullopt;
    auto t = parse_rfc3339(it->get<std::string>());
    return t ? std::optional(format_rfc3339(*t)) : std::nullopt;
  }

  bool ticket_suppressed(std::int64_t ticket_id) { return suppressions.id("zendesk_ticket", ticket_id); }
  bool user_suppressed(const json& item, const char* key) {
    auto it = item.find(key);
    return it != item.end() && it->is_number_integer() && suppressions.id("zendesk_user", it->get<std::int64_t>());
  }

  void write_user(const json& item) {
    std::int64_t id = item_id(item);
    auto email = item.find("email");
    if (suppressions.id("zendesk_user", id) ||
        (email != item.end() && email->is_string() && suppressions.email(email->get<std::string>()))) {
      ++counts.suppressed;
      return;
    }
    // Zendesk keeps deleted users with active: false; the store marks them deleted.
    bool inactive = item.contains("active") && item["active"].is_boolean() && !item["active"].get<bool>();
    upsert(users, kUserSpec, id, item, inactive ? normalised_time(item, "updated_at") : std::nullopt, true);
  }

  void write_ticket(const json& item) {
    std::int64_t id = item_id(item);
    if (ticket_suppressed(id) || user_suppressed(item, "requester_id")) {
      ++counts.suppressed;
      return;
    }
    bool deleted = item.value("status", "") == "deleted";
    upsert(tickets, kTicketSpec, id, item, deleted ? normalised_time(item, "updated_at") : std::nullopt, true);
  }

  void write_metric(const json& item) {
    std::int64_t id = item_id(item);
    auto ticket = item.find("ticket_id");
    if (ticket == item.end() || !ticket->is_number_integer()) fail("no ticket_id");
    if (ticket_suppressed(ticket->get<std::int64_t>())) {
      ++counts.suppressed;
      return;
    }
    upsert(metrics, kMetricSpec, id, item);
  }

  void write_rating(const json& item) {
    std::int64_t id = item_id(item);
    auto ticket = item.find("ticket_id");
    if ((ticket != item.end() && ticket->is_number_integer() && ticket_suppressed(ticket->get<std::int64_t>())) ||
        user_suppressed(item, "requester_id")) {
      ++counts.suppressed;
      return;
    }
    upsert(ratings, kRatingSpec, id, item);
  }

  void write_comment(json comment, std::int64_t ticket_id, const std::optional<std::string>& fallback_time) {
    std::int64_t id = item_id(comment);
    if (ticket_suppressed(ticket_id) || user_suppressed(comment, "author_id")) {
      ++counts.suppressed;
      return;
    }
    comment["ticket_id"] = ticket_id;
    if (!comment.contains("created_at") && fallback_time) comment["created_at"] = *fallback_time;
    upsert(comments, kCommentSpec, id, comment);
  }

  void write_event(const json& event) {
    auto ticket = event.find("ticket_id");
    if (ticket == event.end() || !ticket->is_number_integer()) fail("no ticket_id");
    auto children = event.find("child_events");
    if (children == event.end() || !children->is_array()) return;
    std::optional<std::string> when;
    if (auto it = event.find("created_at"); it != event.end() && it->is_string()) when = it->get<std::string>();
    for (const auto& child : *children)
      if (child.is_object() && child.value("event_type", "") == "Comment")
        write_comment(child, ticket->get<std::int64_t>(), when);
  }

  void write(const json& body, const std::string& source) {
    where = source + ": ";
    if (!body.is_object()) fail("expected a JSON object (a Zendesk API response body)");
    ++counts.documents;
    bool known = false;
    if (body.contains("users")) known = true, each(body, "users", source, [&](const json& i) { write_user(i); });
    if (body.contains("tickets")) known = true, each(body, "tickets", source, [&](const json& i) { write_ticket(i); });
    // Metric sets after their tickets: a suppressed ticket's metrics go too.
    if (body.contains("metric_sets"))
      known = true, each(body, "metric_sets", source, [&](const json& i) { write_metric(i); });
    if (body.contains("ticket_metrics"))
      known = true, each(body, "ticket_metrics", source, [&](const json& i) { write_metric(i); });
    if (body.contains("ticket_events"))
      known = true, each(body, "ticket_events", source, [&](const json& i) { write_event(i); });
    if (body.contains("satisfaction_ratings"))
      known = true, each(body, "satisfaction_ratings", source, [&](const json& i) { write_rating(i); });
    if (known) return;
    where = source + ": ";
    if (body.contains("comments"))
      fail(
          "per-ticket comment pages (tickets/{id}/comments.json) carry no ticket id, so an import cannot "
          "place them; import ticket_events (include=comment_events) instead");
    std::string keys;
    for (const auto& [key, _] : body.items()) keys += (keys.empty() ? "" : ", ") + key;
    fail("not a Zendesk response body I know (top-level keys: " + keys +
         "); expected tickets, ticket_metrics, users, ticket_events or satisfaction_ratings");
  }
};

BodyWriter::BodyWriter(store::Db& db, Reporter& reporter, std::string synced_at)
    : impl_(std::make_unique<Impl>(db, reporter, std::move(synced_at))) {}
BodyWriter::~BodyWriter() = default;

void BodyWriter::write(const nlohmann::json& body, const std::string& source) { impl_->write(body, source); }

void BodyWriter::write_ticket_comments(const nlohmann::json& body, std::int64_t ticket_id, const std::string& source) {
  impl_->each(body, "comments", source,
              [&](const nlohmann::json& c) { impl_->write_comment(c, ticket_id, std::nullopt); });
}

const WriteCounts& BodyWriter::counts() const { return impl_->counts; }

}  // namespace shopkeep::zendesk
