#include "shopify/bulk.hpp"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>

#include "core/error.hpp"
#include "core/line_reader.hpp"
#include "core/temp_file.hpp"
#include "shopify/record_writer.hpp"
#include "store/seen_ids.hpp"
#include "store/sync_state.hpp"

namespace shopkeep::shopify {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string run_mutation() {
  return "mutation RunBulk($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id status } "
         "userErrors { field message code } } }";
}

std::string poll_query() {
  return "query PollBulk($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode createdAt "
         "objectCount fileSize url partialDataUrl } } }";
}

std::string cancel_mutation() {
  return "mutation CancelBulk($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { "
         "field message } } }";
}

// Running query jobs of this app: `bulkOperations` from API 2026-01 on, `currentBulkOperation` before.
std::string running_jobs_query(const std::string& api_version) {
  if (api_version >= "2026-01")
    return "query RunningBulk { bulkOperations(first: 10, query: \"operation_type:query\", sortKey: CREATED_AT, "
           "reverse: true) { nodes { id status query } } }";
  return "query RunningBulk { currentBulkOperation(type: QUERY) { id status query } }";
}

std::string without_spaces(std::string s) {
  std::erase_if(s, [](unsigned char c) { return std::isspace(c); });
  return s;
}

bool still_running(const std::string& status) {
  return status == "CREATED" || status == "RUNNING" || status == "CANCELING";
}

// One bulk job of a resource, from start to its end state, within a deadline.
class BulkJob {
 public:
  BulkJob(GraphqlClient& client, http::Sleeper& sleeper, Reporter& reporter, const ResourceQuery& q,
          const BulkSettings& settings, Clock::time_point deadline)
      : client_(client), sleeper_(sleeper), reporter_(reporter), q_(q), settings_(settings), deadline_(deadline) {}

  // A crashed run leaves its job running: it would hold the app's bulk limit and its result is lost.
  void cancel_abandoned() {
    json data;
    try {
      data = client_.query(running_jobs_query(client_.api_version()), json::object(), 12);
    } catch (const CostExceeded&) {
      return;
    }
    std::vector<json> jobs;
    if (data.contains("bulkOperations"))
      for (const auto& n : data["bulkOperations"].value("nodes", json::array())) jobs.push_back(n);
    else if (data.contains("currentBulkOperation") && data["currentBulkOperation"].is_object())
      jobs.push_back(data["currentBulkOperation"]);
    std::string ours = without_spaces(bulk_query(q_));
    for (const auto& job : jobs) {
      if (!job.is_object() || !still_running(job.value("status", "")) || job.value("status", "") == "CANCELING")
        continue;
      if (!job.contains("query") || !job["query"].is_string() || without_spaces(job["query"].get<std::string>()) != ours)
        continue;
      std::string id = job.value("id", "");
      reporter_.warn("shopify " + q_.name + ": cancelling bulk job " + id + ", left running by an interrupted sync");
      client_.query(cancel_mutation(), {{"id", id}}, 10);
    }
  }

  // Starts the job; waits (with backoff, until the deadline) while the app's bulk limit is held
  // (OPERATION_IN_PROGRESS before 2026-01, LIMIT_REACHED since).
  std::string start() {
    for (int attempt = 0;; ++attempt) {
      json data = client_.query(run_mutation(), {{"query", bulk_query(q_)}}, 10);
      const json& result = data.at("bulkOperationRunQuery");
      const json& errors = result.value("userErrors", json::array());
      if (errors.empty()) return result.at("bulkOperation").at("id").get<std::string>();
      std::string message = errors[0].value("message", "");
      std::string code = errors[0].value("code", "");
      bool busy = code == "OPERATION_IN_PROGRESS" || code == "LIMIT_REACHED" ||
                  message.find("already in progress") != std::string::npos;
      if (!busy) throw runtime_error("Shopify refused the bulk query: " + message);
      reporter_.debug("shopify " + q_.name + ": " + (code.empty() ? message : code) + " (another bulk operation of "
                      "this app is already in progress); waiting");
      pause(attempt, "for the app's other bulk operations");
    }
  }

  // Polls with backoff (quick at first, then every 10 s) until the job ends or the deadline passes.
  json wait(const std::string& id) {
    for (int attempt = 0;; ++attempt) {
      json op = client_.query(poll_query(), {{"id", id}}, 2).at("node");
      std::string status = op.value("status", "");
      if (!still_running(status)) return op;
      if (Clock::now() >= deadline_) {
        client_.query(cancel_mutation(), {{"id", id}}, 10);
        throw runtime_error("the bulk job for " + q_.name + " did not finish within " + limit_text() +
                                "; it was cancelled",
                            "sync again later (a first sync of a large shop takes long), or raise "
                            "SHOPKEEP_SHOPIFY_BULK_TIMEOUT");
      }
      reporter_.progress("shopify " + q_.name + " (bulk job " + status + ")", attempt, 0);
      sleeper_.sleep(std::chrono::milliseconds(std::min(10000, 250 << std::min(attempt, 6))));
    }
  }

  // The wait before the next try: backoff doubling from settings.backoff, never past the deadline.
  void pause(int attempt, const char* what) {
    auto wait = settings_.backoff * (1 << std::min(attempt, 5));
    if (Clock::now() + wait >= deadline_)
      throw runtime_error("gave up waiting " + std::string(what) + " after " + limit_text() + " (" + q_.name + ")",
                          "sync again later, or raise SHOPKEEP_SHOPIFY_BULK_TIMEOUT");
    sleeper_.sleep(std::chrono::duration_cast<std::chrono::milliseconds>(wait));
  }

 private:
  std::string limit_text() const {
    auto s = settings_.timeout.count();
    return s % 3600 == 0 ? std::to_string(s / 3600) + " h" : s % 60 == 0 ? std::to_string(s / 60) + " min"
                                                                          : std::to_string(s) + " s";
  }

  GraphqlClient& client_;
  http::Sleeper& sleeper_;
  Reporter& reporter_;
  const ResourceQuery& q_;
  const BulkSettings& settings_;
  Clock::time_point deadline_;
};

std::uint64_t import_file(store::Db& db, Reporter& reporter, const std::string& path, const ResourceQuery& q,
                          const std::string& synced_at, bool track_seen, const std::optional<std::string>& cursor) {
  LineReader reader(path, simdjson::SIMDJSON_PADDING);
  db.exec("PRAGMA cache_size = -131072");
  store::Transaction tx(db);
  RecordWriter writer(db, reporter, synced_at);
  std::optional<store::Stmt> seen;
  if (track_seen) seen.emplace(store::seen_id_inserter(db));
  std::uint64_t roots = 0;
  std::string_view line;
  std::string where = "shopify " + q.name + " bulk file";
  while (reader.next(line)) {
    if (line.empty()) continue;
    writer.write(line, {where, reader.line_number()}, true);
    if (auto id = writer.last_root_id()) {
      ++roots;
      if (seen) {
        seen->bind(1, *id);
        seen->run();
      }
    }
    if ((reader.line_number() & 0x3FFF) == 0)
      reporter.progress("shopify " + q.name + " (import)", reader.bytes_consumed(), reader.size_hint());
  }
  writer.finish();
  if (cursor) store::write_cursor(db, "shopify", q.name, *cursor);
  tx.commit();
  return roots;
}

std::optional<std::string> string_field(const json& op, const char* key) {
  auto it = op.find(key);
  return it != op.end() && it->is_string() && !it->get<std::string>().empty() ? std::optional(it->get<std::string>())
                                                                             : std::nullopt;
}

}  // namespace

std::string bulk_query(const ResourceQuery& q) {
  std::string fields = q.node_fields;
  for (const auto& l : q.lists) fields += " " + l.field + " { " + l.selection + " }";  // the whole list
  for (const auto& n : q.nested) fields += " " + n.field + " { edges { node { " + n.selection + " } } }";
  return "{ " + q.connection + " { edges { node { " + fields + " } } } }";
}

BulkResult bulk_import(store::Db& db, GraphqlClient& client, http::HttpClient& http, http::Sleeper& sleeper,
                       Reporter& reporter, const ResourceQuery& q, const std::string& synced_at, bool track_seen,
                       const BulkSettings& settings) {
  BulkResult result;
  auto started = Clock::now();
  BulkJob job(client, sleeper, reporter, q, settings, started + settings.timeout);
  job.cancel_abandoned();
  json op;
  for (int run = 0;; ++run) {
    op = job.wait(job.start());
    result.runs = run + 1;
    // An intermittent failure on Shopify's side (its word): a new job, after a pause, a few times.
    if (op.value("status", "") == "FAILED" && op.value("errorCode", json()).is_string() &&
        op["errorCode"].get<std::string>() == "INTERNAL_SERVER_ERROR" && run < settings.reruns) {
      reporter.warn("shopify " + q.name + ": the bulk job failed (INTERNAL_SERVER_ERROR); running it again");
      job.pause(run, "to run the bulk job again");
      continue;
    }
    break;
  }
  result.waiting_seconds = since(started);
  std::string status = op.value("status", "");
  std::optional<std::string> url = string_field(op, "url");
  std::optional<std::string> cursor;  // the job's start: records changed while it ran are re-read
  if (status == "FAILED") {
    auto partial = string_field(op, "partialDataUrl");
    std::string why = "the bulk job failed (" +
                      (op.value("errorCode", json()).is_string() ? op["errorCode"].get<std::string>() : "unknown error") +
                      (result.runs > 1 ? ", " + std::to_string(result.runs) + " runs" : "") + ")";
    if (!partial) throw runtime_error(why);
    result.partial_error = why + "; the partial data it wrote was kept";
    url = partial;
  } else if (status != "COMPLETED") {
    throw runtime_error("the bulk job ended " + status, status == "EXPIRED" ? "run the sync again" : "");
  } else if (auto created = string_field(op, "createdAt")) {
    auto t = parse_rfc3339(*created);
    if (!t) throw runtime_error("the bulk job's createdAt '" + *created + "' is not a time");
    cursor = format_rfc3339(*t);
  } else {
    throw runtime_error("the bulk job's answer has no createdAt");
  }
  if (track_seen) store::reset_seen_ids(db);
  if (!url) {  // no objects at all
    if (cursor) {
      store::Transaction tx(db);
      store::write_cursor(db, "shopify", q.name, *cursor);
      tx.commit();
    }
    return result;
  }
  http::check_url(*url, "bulk operation download");
  // A day-old download is one a killed sync left behind: no run still writing is that old.
  if (int stale = remove_stale_temp_files("shopkeep-bulk-" + q.name, "jsonl", std::chrono::hours{24}))
    reporter.debug("removed " + std::to_string(stale) + " bulk download(s) a killed sync left behind");
  auto file = private_temp_file("shopkeep-bulk-" + q.name, "jsonl");
  auto download_started = Clock::now();
  auto got = http.download(*url, file.string());
  result.download_seconds = since(download_started);
  if (auto* failure = std::get_if<http::TransportError>(&got)) {
    std::filesystem::remove(file);
    throw runtime_error("cannot download the bulk file: " + failure->message);
  }
  if (std::get<long>(got) != 200) {
    std::filesystem::remove(file);
    throw runtime_error("the bulk file download answered HTTP " + std::to_string(std::get<long>(got)));
  }
  auto import_started = Clock::now();
  try {
    result.records = import_file(db, reporter, file.string(), q, synced_at, track_seen, cursor);
  } catch (...) {
    std::filesystem::remove(file);
    throw;
  }
  std::filesystem::remove(file);
  result.import_seconds = since(import_started);
  reporter.progress_done();
  return result;
}

}  // namespace shopkeep::shopify
