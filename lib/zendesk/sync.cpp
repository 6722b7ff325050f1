#include "zendesk/sync.hpp"

#include <algorithm>

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

struct Export {
  const char* resource;
  const char* table;  // whose rows --full marks deleted
  const char* path;
  const char* include;  // sideloads
  const char* items;    // the body's key for the exported objects
};

constexpr Export kUsers{"users", "zendesk_users", "/api/v2/incremental/users/cursor.json", "", "users"};
constexpr Export kTickets{"tickets", "tickets", "/api/v2/incremental/tickets/cursor.json", "metric_sets", "tickets"};

std::string epoch_seconds(Instant t) {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
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
  ResourceOutcome run_export(const Export& e) {
    ResourceOutcome outcome(e.resource);
    auto cursor = options_.full || options_.since ? std::nullopt : store::read_cursor(db_, kSource, e.resource);
    std::string position =
        cursor ? "cursor=" + http::url_encode(*cursor)
               : "start_time=" + (options_.since && !options_.full ? epoch_seconds(*options_.since) : "0");
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
      commit_export_page(e, *body, items, next);
      outcome.records += items.size();
      reporter_.progress(std::string("zendesk ") + e.resource, outcome.records, 0);
      if (end) break;
      if (!next) throw runtime_error(std::string(e.path) + ": a page without end_of_stream has no after_cursor");
      position = "cursor=" + http::url_encode(*next);
    }
    if (options_.full) outcome.deleted = store::mark_unseen_deleted(db_, e.table, synced_at_);
    return outcome;
  }

  // Every ticket queued by the ticket export: all its comment pages, then one transaction writes
  // them and takes the ticket off the queue.
  ResourceOutcome run_comments() {
    ResourceOutcome outcome("ticket_comments");
    std::vector<std::int64_t> queued;
    for (store::Stmt s(db_, "SELECT ticket_id FROM zendesk_comment_queue ORDER BY ticket_id"); s.step();)
      queued.push_back(s.get_int(0));
    std::uint64_t done = 0;
    for (auto ticket : queued) {
      std::vector<json> pages = comment_pages(ticket);
      store::Transaction tx(db_);
      BodyWriter writer(db_, reporter_, synced_at_);
      for (const auto& page : pages) {
        writer.write_ticket_comments(page, ticket, "comments of ticket " + std::to_string(ticket));
        outcome.records += page.value("comments", json::array()).size();
      }
      store::Stmt dequeue(db_, "DELETE FROM zendesk_comment_queue WHERE ticket_id = ?1");
      dequeue.bind(1, ticket);
      dequeue.run();
      tx.commit();
      reporter_.progress("zendesk comments (tickets)", ++done, queued.size());
    }
    return outcome;
  }

  // Satisfaction ratings changed since the cursor (minus an overlap); pages commit as they come,
  // the cursor (the newest updated_at seen) only after the last, as the order is not guaranteed.
  ResourceOutcome run_ratings() {
    ResourceOutcome outcome("satisfaction_ratings");
    std::optional<Instant> from = options_.since;
    if (!from && !options_.full)
      if (auto cursor = store::read_cursor(db_, kSource, "satisfaction_ratings"))
        if (auto t = parse_rfc3339(*cursor)) from = *t - options_.overlap;
    std::string base = "/api/v2/satisfaction_ratings.json?page[size]=" + std::to_string(std::min(100, page_size_));
    if (from) base += "&start_time=" + epoch_seconds(*from);
    std::string high_water = store::read_cursor(db_, kSource, "satisfaction_ratings").value_or("");
    std::string after;
    for (;;) {
      auto body =
          client_.get(base + (after.empty() ? "" : "&page[after]=" + http::url_encode(after)), Endpoint::standard);
      if (!body)
        throw runtime_error("/api/v2/satisfaction_ratings.json was not found: is CSAT enabled on this account?");
      const json& items = body->value("satisfaction_ratings", json::array());
      for (const auto& r : items)
        if (auto t = r.find("updated_at"); t != r.end() && t->is_string())
          if (auto at = parse_rfc3339(t->get<std::string>())) high_water = std::max(high_water, format_rfc3339(*at));
      {
        store::Transaction tx(db_);
        BodyWriter writer(db_, reporter_, synced_at_);
        writer.write(json{{"satisfaction_ratings", items}}, "satisfaction ratings page");
        tx.commit();
      }
      outcome.records += items.size();
      reporter_.progress("zendesk satisfaction_ratings", outcome.records, 0);
      auto next = next_page_cursor(*body);
      if (!next) break;
      after = *next;
    }
    if (!high_water.empty()) {
      store::Transaction tx(db_);
      store::write_cursor(db_, kSource, "satisfaction_ratings", high_water);
      tx.commit();
    }
    return outcome;
  }

 private:
  // Cursor pagination (meta.has_more / meta.after_cursor) of the standard list endpoints.
  static std::optional<std::string> next_page_cursor(const json& body) {
    auto meta = body.find("meta");
    if (meta == body.end() || !meta->is_object() || !meta->value("has_more", false)) return std::nullopt;
    auto after = meta->find("after_cursor");
    if (after == meta->end() || !after->is_string())
      throw runtime_error("a page with has_more has no meta.after_cursor");
    return after->get<std::string>();
  }

  std::vector<json> comment_pages(std::int64_t ticket) {
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
    return pages;
  }

  void commit_export_page(const Export& e, const json& body, const json& items,
                          const std::optional<std::string>& next) {
    store::Transaction tx(db_);
    BodyWriter writer(db_, reporter_, synced_at_);
    writer.write(body, std::string("zendesk ") + e.resource + " page");
    if (e.resource == std::string("tickets")) queue_comments(items);
    if (options_.full) {
      store::Stmt seen = store::seen_id_inserter(db_);
      for (const auto& item : items)
        if (item.contains("id") && item["id"].is_number_integer()) seen.bind(1, item["id"].get<std::int64_t>()).run();
    }
    if (next) store::write_cursor(db_, kSource, e.resource, *next);
    tx.commit();
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

std::vector<std::string> zendesk_resource_names() { return {"users", "tickets", "satisfaction_ratings"}; }

std::vector<ResourceOutcome> sync_zendesk(store::Db& db, ApiClient& client, Reporter& reporter,
                                          const SyncOptions& options, int page_size) {
  ZendeskSync sync(db, client, reporter, options, page_size);
  sync::ResourceRunner runner(db, reporter, options, kSource);
  if (runner.wanted("users")) runner.run("users", [&] { return sync.run_export(kUsers); });
  if (runner.wanted("tickets")) {
    runner.run("tickets", [&] { return sync.run_export(kTickets); });
    // Also after a failed ticket export: the pages that did commit queued their tickets.
    runner.run("ticket_comments", [&] { return sync.run_comments(); });
  }
  if (runner.wanted("satisfaction_ratings")) runner.run("satisfaction_ratings", [&] { return sync.run_ratings(); });
  return std::move(runner.outcomes());
}

}  // namespace shopkeep::zendesk
