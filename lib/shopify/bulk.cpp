#include "shopify/bulk.hpp"

#include <simdjson.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "core/error.hpp"
#include "core/line_reader.hpp"
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
  return "query PollBulk($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode objectCount fileSize "
         "url "
         "partialDataUrl } } }";
}

// Starts the job; waits (bounded) while another bulk query of this app is still running.
std::string start(GraphqlClient& client, http::Sleeper& sleeper, Reporter& reporter, const std::string& query) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    json data = client.query(run_mutation(), {{"query", query}}, 10);
    const json& result = data.at("bulkOperationRunQuery");
    const json& errors = result.value("userErrors", json::array());
    if (errors.empty()) return result.at("bulkOperation").at("id").get<std::string>();
    std::string message = errors[0].value("message", "");
    std::string code = errors[0].value("code", "");
    if (code != "OPERATION_IN_PROGRESS" && message.find("already in progress") == std::string::npos)
      throw runtime_error("Shopify refused the bulk query: " + message);
    reporter.debug("a bulk operation is already in progress; waiting");
    sleeper.sleep(std::chrono::seconds(std::min(30, 2 << std::min(attempt, 4))));
  }
  throw runtime_error("a bulk operation of this app stayed in progress for too long", "try again later");
}

json poll(GraphqlClient& client, http::Sleeper& sleeper, Reporter& reporter, const std::string& id,
          const std::string& label) {
  // Poll with backoff: quick at first, then every 10 s.
  for (int attempt = 0;; ++attempt) {
    json op = client.query(poll_query(), {{"id", id}}, 2).at("node");
    std::string status = op.value("status", "");
    if (status != "CREATED" && status != "RUNNING" && status != "CANCELING") return op;
    reporter.progress("shopify " + label + " (bulk job " + status + ")", attempt, 0);
    sleeper.sleep(std::chrono::milliseconds(std::min(10000, 250 << std::min(attempt, 6))));
  }
}

std::uint64_t import_file(store::Db& db, Reporter& reporter, const std::string& path, const ResourceQuery& q,
                          const std::string& synced_at, bool track_seen) {
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
  // The next incremental sync starts from the newest record the job saw.
  store::Stmt newest(db, "SELECT max(updated_at) FROM " + q.name);
  if (newest.step() && !newest.is_null(0)) store::write_cursor(db, "shopify", q.name, newest.get_text(0));
  tx.commit();
  return roots;
}

}  // namespace

std::string bulk_query(const ResourceQuery& q) {
  std::string nested;
  for (const auto& n : q.nested) nested += " " + n.field + " { edges { node { " + n.selection + " } } }";
  return "{ " + q.connection + " { edges { node { " + q.node_fields + nested + " } } } }";
}

BulkResult bulk_import(store::Db& db, GraphqlClient& client, http::HttpClient& http, http::Sleeper& sleeper,
                       Reporter& reporter, const ResourceQuery& q, const std::string& synced_at, bool track_seen) {
  BulkResult result;
  auto started = Clock::now();
  std::string id = start(client, sleeper, reporter, bulk_query(q));
  json op = poll(client, sleeper, reporter, id, q.name);
  result.waiting_seconds = since(started);
  std::string status = op.value("status", "");
  std::string url = op.contains("url") && op["url"].is_string() ? op["url"].get<std::string>() : "";
  if (status == "FAILED") {
    std::string partial = op.contains("partialDataUrl") && op["partialDataUrl"].is_string()
                              ? op["partialDataUrl"].get<std::string>()
                              : "";
    std::string why = "the bulk job failed (" + op.value("errorCode", std::string("unknown error")) + ")";
    if (partial.empty()) throw runtime_error(why);
    result.partial_error = why + "; the partial data it wrote was kept";
    url = partial;
  } else if (status != "COMPLETED") {
    throw runtime_error("the bulk job ended " + status, status == "EXPIRED" ? "run the sync again" : "");
  }
  if (track_seen) store::reset_seen_ids(db);
  if (url.empty()) return result;  // no objects at all
  http::check_url(url, "bulk operation download");
  auto file = std::filesystem::temp_directory_path() /
              ("shopkeep-bulk-" + std::to_string(::getpid()) + "-" + q.name + ".jsonl");
  auto download_started = Clock::now();
  auto got = http.download(url, file.string());
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
    result.records = import_file(db, reporter, file.string(), q, synced_at, track_seen);
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
