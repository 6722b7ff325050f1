#include "shopify/sync.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "shopify/bulk.hpp"
#include "shopify/gid.hpp"
#include "shopify/record_writer.hpp"
#include "shopify/sync_queries.hpp"
#include "store/seen_ids.hpp"
#include "store/sync_state.hpp"
#include "sync/resource_runner.hpp"

namespace shopkeep::shopify {

using nlohmann::json;
using sync::ResourceOutcome;
using sync::SyncOptions;

namespace {

constexpr const char* kSource = "shopify";

class ResourceSync {
 public:
  ResourceSync(store::Db& db, GraphqlClient& client, http::HttpClient& http, http::Sleeper& sleeper, Reporter& reporter,
               const SyncOptions& options, const ResourceQuery& q, bool bulk)
      : db_(db),
        client_(client),
        http_(http),
        sleeper_(sleeper),
        reporter_(reporter),
        options_(options),
        q_(q),
        bulk_(bulk),
        synced_at_(format_rfc3339(options.now)) {}

  ResourceOutcome run() {
    bool first_sync = !options_.since && !store::read_cursor(db_, kSource, q_.name);
    if (bulk_ && (options_.full || first_sync)) return run_bulk();
    return run_paginated();
  }

 private:
  // The whole resource as one bulk job; a FAILED job's partial data is kept and the resource
  // reported as failed (after its data committed).
  ResourceOutcome run_bulk() {
    ResourceOutcome outcome(q_.name);
    outcome.bulk = true;
    auto result = bulk_import(db_, client_, http_, sleeper_, reporter_, q_, synced_at_, options_.full);
    outcome.records = result.records;
    outcome.seconds = {{"bulk_wait", result.waiting_seconds},
                       {"bulk_download", result.download_seconds},
                       {"bulk_import", result.import_seconds}};
    if (result.partial_error) throw runtime_error(*result.partial_error);
    if (options_.full) outcome.deleted = mark_missing_deleted();
    return outcome;
  }

  ResourceOutcome run_paginated() {
    ResourceOutcome outcome(q_.name);
    std::optional<std::string> filter_from = starting_point();
    std::string filter = filter_from ? "updated_at:>='" + *filter_from + "'" : "";
    std::string high_water = filter_from.value_or("");
    if (options_.full) store::reset_seen_ids(db_);
    json variables = {{"first", q_.page_size}, {"after", nullptr}, {"query", filter.empty() ? json() : json(filter)}};
    for (;;) {
      json data = client_.query(q_.page_query(), variables, q_.page_cost());
      const json& connection = data.at(q_.connection);
      std::vector<std::string> objects;
      for (const auto& node : connection.at("nodes")) {
        unwrap(node, objects);
        if (auto updated = node.find("updatedAt"); updated != node.end() && updated->is_string())
          high_water = std::max(high_water, normalised(updated->get<std::string>()));
      }
      const json& page_info = connection.at("pageInfo");
      bool more = page_info.value("hasNextPage", false);
      commit_page(objects, connection.at("nodes"), more ? std::optional<std::string>() : std::optional(high_water),
                  high_water);
      outcome.records += connection.at("nodes").size();
      reporter_.progress("shopify " + q_.name, outcome.records, 0);
      if (!more) break;
      variables["after"] = page_info.at("endCursor");
    }
    if (options_.full) outcome.deleted = mark_missing_deleted();
    return outcome;
  }

  static std::string normalised(const std::string& time) {
    auto t = parse_rfc3339(time);
    return t ? format_rfc3339(*t) : time;
  }

  // Where the filter starts: --since, else the stored cursor minus the overlap; nothing for --full.
  std::optional<std::string> starting_point() const {
    if (options_.full) return std::nullopt;
    if (options_.since) return format_rfc3339(*options_.since);
    auto cursor = store::read_cursor(db_, kSource, q_.name);
    if (!cursor) return std::nullopt;
    auto t = parse_rfc3339(*cursor);
    return t ? std::optional(format_rfc3339(*t - options_.overlap)) : std::nullopt;
  }

  // A node becomes the bulk-JSONL shape: the object without its connections, and each child as
  // its own object with __parentId (more children are fetched when the connection has more).
  void unwrap(const json& node, std::vector<std::string>& objects) {
    json parent = node;
    std::string parent_id = node.at("id").get<std::string>();
    std::vector<json> children;
    for (size_t i = 0; i < q_.nested.size(); ++i) {
      const auto& field = q_.nested[i].field;
      if (!parent.contains(field)) continue;
      json connection = parent[field];
      parent.erase(field);
      for (;;) {
        for (const auto& child : connection.at("nodes")) {
          json c = child;
          c["__parentId"] = parent_id;
          children.push_back(std::move(c));
        }
        if (!connection.at("pageInfo").value("hasNextPage", false)) break;
        json more =
            client_.query(q_.nested_query(i),
                          {{"id", parent_id}, {"first", 100}, {"after", connection["pageInfo"]["endCursor"]}}, 104);
        connection = more.at("node").at(field);
      }
    }
    objects.push_back(parent.dump());
    for (const auto& c : children) objects.push_back(c.dump());
  }

  // One transaction: the page's records and, for a sorted resource, the cursor after them; for an
  // unsorted one the cursor moves only once the last page is in (a crash re-reads from the old one).
  void commit_page(const std::vector<std::string>& objects, const json& nodes,
                   const std::optional<std::string>& final_cursor, const std::string& high_water) {
    store::Transaction tx(db_);
    RecordWriter writer(db_, reporter_, synced_at_);
    std::uint64_t n = 0;
    std::string where = "shopify " + q_.name + " page";
    for (const auto& o : objects) writer.write(o, {where, ++n}, false);
    writer.finish();
    if (options_.full) {
      store::Stmt seen = store::seen_id_inserter(db_);
      for (const auto& node : nodes) {
        auto gid = parse_gid(node.at("id").get<std::string>());
        if (gid && gid->number) {
          seen.bind(1, *gid->number);
          seen.run();
        }
      }
    }
    if (q_.sorted_by_updated_at && !high_water.empty())
      store::write_cursor(db_, kSource, q_.name, high_water);
    else if (final_cursor && !final_cursor->empty())
      store::write_cursor(db_, kSource, q_.name, *final_cursor);
    tx.commit();
  }

  // Resource names are the store's table names.
  std::uint64_t mark_missing_deleted() { return store::mark_unseen_deleted(db_, q_.name, synced_at_); }

  store::Db& db_;
  GraphqlClient& client_;
  http::HttpClient& http_;
  http::Sleeper& sleeper_;
  Reporter& reporter_;
  const SyncOptions& options_;
  const ResourceQuery& q_;
  bool bulk_;
  std::string synced_at_;
};

void sync_shop(store::Db& db, GraphqlClient& client, Reporter& reporter, const SyncOptions& options) {
  json data = client.query(shop_query(), json::object(), 2);
  store::Transaction tx(db);
  RecordWriter writer(db, reporter, format_rfc3339(options.now));
  writer.write(data.at("shop").dump(), {"shopify shop", 1}, false);
  writer.finish();
  tx.commit();
}

// Products deleted in Shopify never show up in an updated_at filter: compare the ids.
std::uint64_t detect_deleted_products(store::Db& db, GraphqlClient& client, const SyncOptions& options) {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS live_products (id INTEGER PRIMARY KEY); DELETE FROM temp.live_products;");
  json variables = {{"first", 250}, {"after", nullptr}};
  const std::string query =
      "query SyncProductIds($first: Int!, $after: String) { products(first: $first, after: $after) "
      "{ pageInfo { hasNextPage endCursor } nodes { id } } }";
  store::Stmt live(db, "INSERT OR IGNORE INTO temp.live_products (id) VALUES (?1)");
  for (;;) {
    json data = client.query(query, variables, 252);
    for (const auto& node : data.at("products").at("nodes")) {
      auto gid = parse_gid(node.at("id").get<std::string>());
      if (gid && gid->number) {
        live.bind(1, *gid->number);
        live.run();
      }
    }
    if (!data["products"]["pageInfo"].value("hasNextPage", false)) break;
    variables["after"] = data["products"]["pageInfo"]["endCursor"];
  }
  store::Transaction tx(db);
  store::Stmt mark(
      db,
      "UPDATE products SET deleted_at = ?1 WHERE deleted_at IS NULL AND id NOT IN (SELECT id FROM temp.live_products)");
  mark.bind(1, format_rfc3339(options.now));
  mark.run();
  auto deleted = static_cast<std::uint64_t>(db.changes());
  tx.commit();
  return deleted;
}

}  // namespace

std::vector<std::string> shopify_resource_names() {
  std::vector<std::string> names = {"shop"};
  for (const auto& r : resource_queries()) names.push_back(r.name);
  return names;
}

std::vector<ResourceOutcome> sync_shopify(store::Db& db, GraphqlClient& client, http::HttpClient& http,
                                          http::Sleeper& sleeper, Reporter& reporter, const SyncOptions& options,
                                          bool bulk) {
  sync::ResourceRunner runner(db, reporter, options, kSource);
  if (runner.wanted("shop"))
    runner.run("shop", [&] {
      sync_shop(db, client, reporter, options);
      ResourceOutcome outcome("shop");
      outcome.records = 1;
      return outcome;
    });
  for (const auto& q : resource_queries()) {
    if (!runner.wanted(q.name)) continue;
    runner.run(q.name, [&] {
      bool first_sync = !options.since && !store::read_cursor(db, kSource, q.name);
      auto outcome = ResourceSync(db, client, http, sleeper, reporter, options, q, bulk).run();
      if (q.name == "products" && !options.full && !first_sync)
        outcome.deleted += detect_deleted_products(db, client, options);
      return outcome;
    });
  }
  return std::move(runner.outcomes());
}

}  // namespace shopkeep::shopify
