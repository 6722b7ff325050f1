#include "zendesk/sync.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "http/http_client.hpp"
#include "store/seen_ids.hpp"
#include "store/sync_state.hpp"
#include "sync/resource_runner.hpp"
#include "zendesk/body_writer.hpp"

namespace shopkeep::zendesk {

using nlohmann::json;
using sync::ResourceOutcome;
using sync::SyncOptions;

namespace {

constexpr const char* kSource = "zendesk";

// A cursor-based incremental export (start_time once, then after_cursor).
struct CursorExport {
  const char* resource;
  const char* table;  // whose rows --full marks deleted
  const char* path;
  const char* include;  // sideloads
  const char* items;    // the body's key for the exported objects
};

constexpr CursorExport kUsers{"users", "zendesk_users", "/api/v2/incremental/users/cursor.json", "", "users"};
constexpr CursorExport kTickets{"tickets", "tickets", "/api/v2/incremental/tickets/cursor.json", "metric_sets",
                                "tickets"};

// A time-based incremental export (start_time, then the page's end_time; next_page, end_of_stream).
struct TimeExport {
  const char* resource;  // the sync_state row of its cursor
  const char* path;
  const char* include;
  const char* items;
};

constexpr TimeExport kOrganizations{"organizations", "/api/v2/incremental/organizations.json", "", "organizations"};
// Its cursor is the ticket_comments resource's: the comments are what it is read for.
constexpr TimeExport kTicketEvents{"ticket_comments", "/api/v2/incremental/ticket_events.json", "comment_events",
                                   "ticket_events"};

// Ratings can still change after they were given (until the ticket closes, up to four weeks after
// it was solved) while `start_time` filters on when they were created: every sync re-reads this
// much before the newest one seen.
constexpr std::chrono::hours kRatingWindow{24 * 30};

std::int64_t epoch_seconds(Instant t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// Zendesk refuses a start_time less than a minute old (400 StartTimeTooRecent) and leaves out what
// changed within the last minute anyway. The server's clock decides, so this is the real clock, not
// --now.
std::int64_t safe_start_time(std::int64_t start) {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return std::min(start, epoch_seconds(Instant(now)) - 61);
}

class ZendeskSync {
 public:
  ZendeskSync(store::Db& db, ApiClient& client, Reporter& reporter, const SyncOptions& options, int page_size)
      : db_(db),
        client_(client),
        reporter_(reporter),
        options_(options),
        page_size_(page_size),
        synced_at_(format_rfc3339(options.now)) {}

  // One cursor export: from the stored cursor (or --since, or the beginning), page by page until
  // end_of_stream, each page committed with the after_cursor that follows it.
  ResourceOutcome run_cursor_export(const CursorExport& e) {
    ResourceOutcome outcome(e.resource);
    auto cursor = options_.full || options_.since ? std::nullopt : store::read_cursor(db_, kSource, e.resource);
    std::string position =
        cursor ? "cursor=" + http::url_encode(*cursor)
               : "start_time=" + std::to_string(safe_start_time(
                                     options_.since && !options_.full ? epoch_seconds(*options_.since) : 0));
    if (options_.full) store::reset_seen_ids(db_);
    std::string base = std::string(e.path) + "?per_page=" + std::to_string(page_size_);
    if (*e.include) base += std::string("&include=") + e.include;
    for (;;) {
      auto body = client_.get(base + "&" + position, Endpoint::incremental_export);
      if (!body)
        throw runtime_error(std::string(e.path) + " was not found: is ZENDESK_URL (or ZENDESK_SUBDOMAIN) right?");
      const json& items = body->value(e.items, json::array());
      auto after = body->find("after_cursor");
      bool end = body->value("end_of_stream", false);
      std::optional<std::string> next;
      if (after != body->end() && after->is_string()) next = after->get<std::string>();
      {
        store::Transaction tx(db_);
        BodyWriter writer(db_, reporter_, synced_at_);
        writer.write(*body, std::string("zendesk ") + e.resource + " page");
        if (e.resource == std::string("tickets")) queue_comments(items);
        if (options_.full) note_seen(items);
        if (next) store::write_cursor(db_, kSource, e.resource, *next);
        tx.commit();
      }
      outcome.records += items.size();
      reporter_.progress(std::string("zendesk ") + e.resource, outcome.records, 0);
      if (end) break;
      if (!next) throw runtime_error(std::string(e.path) + ": a page without end_of_stream has no after_cursor");
      position = "cursor=" + http::url_encode(*next);
    }
    if (options_.full) outcome.deleted = store::mark_unseen_deleted(db_, e.table, synced_at_);
    return outcome;
  }

  // One time-based export: from the stored end_time (or --since, or the beginning), page by page
  // until end_of_stream, each page committed with the end_time after it. `on_page` adds to the
  // page's transaction.
  template <typename OnPage>
  std::uint64_t run_time_export(const TimeExport& e, OnPage&& on_page) {
    std::int64_t start = 0;
    if (options_.since && !options_.full) {
      start = epoch_seconds(*options_.since);
    } else if (!options_.full) {
      if (auto cursor = store::read_cursor(db_, kSource, e.resource))
        start = std::strtoll(cursor->c_str(), nullptr, 10);
    }
    std::string base = std::string(e.path) + "?";
    if (*e.include) base += std::string("include=") + e.include + "&";
    if (page_size_ < 1000) base += "per_page=" + std::to_string(page_size_) + "&";  // a test knob
    std::uint64_t records = 0;
    for (;;) {
      std::int64_t from = safe_start_time(start);
      auto body = client_.get(base + "start_time=" + std::to_string(from), Endpoint::incremental_export);
      if (!body)
        throw runtime_error(std::string(e.path) + " was not found: is ZENDESK_URL (or ZENDESK_SUBDOMAIN) right?");
      const json& items = body->value(e.items, json::array());
      bool end = body->value("end_of_stream", false);
      auto end_time = body->find("end_time");
      std::optional<std::int64_t> next;
      if (end_time != body->end() && end_time->is_number_integer()) next = end_time->get<std::int64_t>();
      {
        store::Transaction tx(db_);
        BodyWriter writer(db_, reporter_, synced_at_);
        writer.write(*body, std::string("zendesk ") + e.resource + " page");
        on_page(items);
        if (next) store::write_cursor(db_, kSource, e.resource, std::to_string(*next));
        tx.commit();
      }
      records += items.size();
      reporter_.progress(std::string("zendesk ") + e.resource, records, 0);
      if (end) break;
      if (!next) throw runtime_error(std::string(e.path) + ": a page without end_of_stream has no end_time");
      // The next page starts at this one's end_time (items of that second come again, harmlessly);
      // a page whose items all share its start second would never move on.
      if (*next <= from) {
        reporter_.warn(std::string("zendesk ") + e.resource + ": a whole page within one second (" +
                       std::to_string(from) + "); going on from the next second");
        *next = from + 1;
      }
      start = *next;
    }
    return records;
  }

  ResourceOutcome run_organizations() {
    ResourceOutcome outcome("organizations");
    outcome.records = run_time_export(kOrganizations, [](const json&) {});
    return outcome;
  }

  // Groups have no incremental export; there are few: the whole list, cursor-paginated, in one
  // transaction (--full marks the ones gone).
  ResourceOutcome run_groups() {
    ResourceOutcome outcome("groups");
    std::vector<json> pages = all_pages("/api/v2/groups.json?page[size]=100", "groups");
    store::Transaction tx(db_);
    BodyWriter writer(db_, reporter_, synced_at_);
    if (options_.full) store::reset_seen_ids(db_);
    for (const auto& page : pages) {
      writer.write(page, "zendesk groups page");
      const json& items = page.value("groups", json::array());
      if (options_.full) note_seen(items);
      outcome.records += items.size();
    }
    tx.commit();
    if (options_.full) outcome.deleted = store::mark_unseen_deleted(db_, "zendesk_groups", synced_at_);
    return outcome;
  }

  // Comments come from the ticket events export (include=comment_events: up to 1,000 events a
  // request), each page committed with its end_time and taking the tickets it covers off the
  // queue the ticket export filled. Only tickets still queued after it (a gap: a crash between the
  // two, or events the export did not bring) are read page by page from their comments endpoint.
  ResourceOutcome run_comments() {
    ResourceOutcome outcome("ticket_comments");
    store::Stmt dequeue(db_, "DELETE FROM zendesk_comment_queue WHERE ticket_id = ?1");
    run_time_export(kTicketEvents, [&](const json& events) {
      std::set<std::int64_t> tickets;
      for (const auto& event : events) {
        if (event.contains("ticket_id") && event["ticket_id"].is_number_integer())
          tickets.insert(event["ticket_id"].get<std::int64_t>());
        for (const auto& child : event.value("child_events", json::array()))
          if (child.is_object() && child.contains("event_type") && child["event_type"] == "Comment") ++outcome.records;
      }
      for (auto t : tickets) dequeue.bind(1, t).run();
    });
    outcome.records += fill_comment_gaps();
    return outcome;
  }

  // Satisfaction ratings received since the cursor (the newest created_at seen) minus a window wide
  // enough to see ratings that changed; pages commit as they come, the cursor only after the last.
  // Where the legacy endpoint says CSAT is off (403/404), the new CSAT's survey responses are read;
  // when neither may be read the resource fails (a warning, exit 4), not the whole source.
  ResourceOutcome run_ratings() {
    ResourceOutcome outcome("satisfaction_ratings");
    std::optional<Instant> from = options_.since;
    if (!from && !options_.full)
      if (auto cursor = store::read_cursor(db_, kSource, "satisfaction_ratings"))
        if (auto t = parse_rfc3339(*cursor)) from = *t;
    if (from) from = *from - std::chrono::duration_cast<std::chrono::seconds>(kRatingWindow);
    std::string legacy =
        "/api/v2/satisfaction_ratings.json?score=received&page[size]=" + std::to_string(std::min(100, page_size_));
    if (from) legacy += "&start_time=" + std::to_string(epoch_seconds(*from));
    std::string newest = store::read_cursor(db_, kSource, "satisfaction_ratings").value_or("");
    try {
      outcome.records = read_rating_pages(legacy, "satisfaction_ratings", newest, "created_at");
    } catch (const Forbidden& legacy_refused) {
      reporter_.debug(std::string("legacy satisfaction ratings: ") + legacy_refused.what() +
                      "; trying CSAT survey responses");
      outcome.records = read_survey_responses(from, newest, legacy_refused);
    } catch (const NotFound&) {
      outcome.records = read_survey_responses(from, newest, std::nullopt);
    }
    if (!newest.empty()) {
      store::Transaction tx(db_);
      store::write_cursor(db_, kSource, "satisfaction_ratings", newest);
      tx.commit();
    }
    return outcome;
  }

 private:
  struct NotFound {};

  std::uint64_t read_survey_responses(std::optional<Instant> from, std::string& newest,
                                      const std::optional<Forbidden>& legacy_refused) {
    std::string path = "/api/v2/guide/survey_responses?page[size]=" + std::to_string(std::min(100, page_size_));
    if (from) path += "&filter[created_at_start]=" + std::to_string(epoch_seconds(*from) * 1000);
    try {
      return read_rating_pages(path, "survey_responses", newest, "");
    } catch (const Forbidden& e) {
      throw runtime_error(std::string("satisfaction ratings: ") + (legacy_refused ? legacy_refused->what() : "") +
                              (legacy_refused ? ", and " : "") + e.what(),
                          "legacy CSAT or CSAT surveys must be on, and the user an admin; the other resources were "
                          "synced");
    } catch (const NotFound&) {
      throw runtime_error("satisfaction ratings: neither legacy CSAT nor CSAT survey responses are available",
                          legacy_refused ? legacy_refused->hint() : "turn on CSAT in Zendesk");
    }
  }

  // Every page of a cursor-paginated list of ratings, each committed as it comes; the newest
  // creation time seen is kept in `newest`.
  std::uint64_t read_rating_pages(const std::string& base, const char* key, std::string& newest,
                                  const char* created_key) {
    std::uint64_t records = 0;
    std::string after;
    for (;;) {
      auto body =
          client_.get(base + (after.empty() ? "" : "&page[after]=" + http::url_encode(after)), Endpoint::standard);
      if (!body) throw NotFound{};
      const json& items = body->value(key, json::array());
      for (const auto& r : items) newest = std::max(newest, created_time(r, created_key));
      {
        store::Transaction tx(db_);
        BodyWriter writer(db_, reporter_, synced_at_);
        writer.write(json{{key, items}}, std::string(key) + " page");
        tx.commit();
      }
      records += items.size();
      reporter_.progress("zendesk satisfaction_ratings", records, 0);
      auto next = next_page_cursor(*body);
      if (!next) break;
      after = *next;
    }
    return records;
  }

  // A rating's creation time; for a survey response, its rating answer's.
  static std::string created_time(const json& r, const char* key) {
    const json* at = nullptr;
    if (*key) {
      if (auto it = r.find(key); it != r.end()) at = &*it;
    } else {
      // Into `r` itself: json::value() would hand back a copy that dies before `at` is read.
      auto answers = r.find("answers");
      if (answers != r.end() && answers->is_array())
        for (const auto& a : *answers)
          if (a.is_object() && a.contains("type") && a["type"] == "rating_scale" && a.contains("created_at"))
            at = &a["created_at"];
    }
    if (at == nullptr || !at->is_string()) return "";
    auto t = parse_rfc3339(at->get<std::string>());
    return t ? format_rfc3339(*t) : "";
  }

  // Cursor pagination (meta.has_more / meta.after_cursor) of the standard list endpoints.
  static std::optional<std::string> next_page_cursor(const json& body) {
    auto meta = body.find("meta");
    if (meta == body.end() || !meta->is_object() || !meta->value("has_more", false)) return std::nullopt;
    auto after = meta->find("after_cursor");
    if (after == meta->end() || !after->is_string())
      throw runtime_error("a page with has_more has no meta.after_cursor");
    return after->get<std::string>();
  }

  std::vector<json> all_pages(const std::string& base, const char* what) {
    std::vector<json> pages;
    std::string after;
    for (;;) {
      auto body =
          client_.get(base + (after.empty() ? "" : "&page[after]=" + http::url_encode(after)), Endpoint::standard);
      if (!body) {
        if (pages.empty() && std::string(what) == "groups")
          throw runtime_error(base.substr(0, base.find('?')) + " was not found");
        break;
      }
      auto next = next_page_cursor(*body);
      pages.push_back(std::move(*body));
      if (!next) break;
      after = *next;
    }
    return pages;
  }

  // The tickets still queued: every comment page of each, then one transaction writes them and
  // takes the ticket off the queue.
  std::uint64_t fill_comment_gaps() {
    std::vector<std::int64_t> queued;
    for (store::Stmt s(db_, "SELECT ticket_id FROM zendesk_comment_queue ORDER BY ticket_id"); s.step();)
      queued.push_back(s.get_int(0));
    std::uint64_t records = 0, done = 0;
    for (auto ticket : queued) {
      std::vector<json> pages;
      std::string base = "/api/v2/tickets/" + std::to_string(ticket) +
                         "/comments.json?page[size]=" + std::to_string(std::min(100, page_size_));
      std::string after;
      for (;;) {
        auto body =
            client_.get(base + (after.empty() ? "" : "&page[after]=" + http::url_encode(after)), Endpoint::standard);
        if (!body) {  // gone since it was exported (deleted, or archived and purged): nothing to fetch
          reporter_.debug("comments of ticket " + std::to_string(ticket) + ": not found, skipped");
          break;
        }
        auto next = next_page_cursor(*body);
        pages.push_back(std::move(*body));
        if (!next) break;
        after = *next;
      }
      store::Transaction tx(db_);
      BodyWriter writer(db_, reporter_, synced_at_);
      for (const auto& page : pages) {
        writer.write_ticket_comments(page, ticket, "comments of ticket " + std::to_string(ticket));
        records += page.value("comments", json::array()).size();
      }
      store::Stmt dequeue(db_, "DELETE FROM zendesk_comment_queue WHERE ticket_id = ?1");
      dequeue.bind(1, ticket).run();
      tx.commit();
      reporter_.progress("zendesk comments (tickets)", ++done, queued.size());
    }
    if (!queued.empty()) reporter_.debug(std::to_string(queued.size()) + " tickets' comments read ticket by ticket");
    return records;
  }

  void note_seen(const json& items) {
    store::Stmt seen = store::seen_id_inserter(db_);
    for (const auto& item : items)
      if (item.contains("id") && item["id"].is_number_integer()) seen.bind(1, item["id"].get<std::int64_t>()).run();
  }

  // Only tickets the store now holds and that are not deleted (a forgotten person's are not).
  void queue_comments(const json& tickets) {
    store::Stmt queue(db_,
                      "INSERT OR REPLACE INTO zendesk_comment_queue (ticket_id, queued_at) "
                      "SELECT id, ?2 FROM tickets WHERE id = ?1 AND deleted_at IS NULL");
    for (const auto& t : tickets) {
      if (!t.is_object() || !t.contains("id") || !t["id"].is_number_integer()) continue;
      queue.bind(1, t["id"].get<std::int64_t>()).bind(2, synced_at_).run();
    }
  }

  store::Db& db_;
  ApiClient& client_;
  Reporter& reporter_;
  const SyncOptions& options_;
  int page_size_;
  std::string synced_at_;
};

}  // namespace

std::vector<std::string> zendesk_resource_names() {
  return {"users", "organizations", "groups", "tickets", "satisfaction_ratings"};
}

std::vector<ResourceOutcome> sync_zendesk(store::Db& db, ApiClient& client, Reporter& reporter,
                                          const SyncOptions& options, int page_size) {
  ZendeskSync sync(db, client, reporter, options, page_size);
  sync::ResourceRunner runner(db, reporter, options, kSource);
  if (runner.wanted("users")) runner.run("users", [&] { return sync.run_cursor_export(kUsers); });
  if (runner.wanted("organizations")) runner.run("organizations", [&] { return sync.run_organizations(); });
  if (runner.wanted("groups")) runner.run("groups", [&] { return sync.run_groups(); });
  if (runner.wanted("tickets")) {
    runner.run("tickets", [&] { return sync.run_cursor_export(kTickets); });
    // Also after a failed ticket export: the pages that did commit queued their tickets.
    runner.run("ticket_comments", [&] { return sync.run_comments(); });
  }
  if (runner.wanted("satisfaction_ratings")) runner.run("satisfaction_ratings", [&] { return sync.run_ratings(); });
  return std::move(runner.outcomes());
}

}  // namespace shopkeep::zendesk
