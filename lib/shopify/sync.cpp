#include "shopify/sync.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "shopify/bulk.hpp"
#include "shopify/gid.hpp"
#include "shopify/query_cost.hpp"
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

bool granted(const std::vector<std::string>& scopes, const std::string& scope) {
  std::string write = "write_" + scope.substr(scope.find('_') + 1);  // write_X implies read_X
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end() ||
         std::find(scopes.begin(), scopes.end(), write) != scopes.end();
}

// Runs a query whose page size may have to shrink: `first` halves on MAX_COST_EXCEEDED (Shopify's
// word beats our estimate) until it fits or is 1.
template <typename Build>
json query_shrinking(GraphqlClient& client, Reporter& reporter, int& first, Build&& build) {
  for (;;) {
    auto [query, variables] = build(first);
    try {
      return client.query(query, variables, requested_cost(query, variables));
    } catch (const CostExceeded& e) {
      if (first <= 1) throw;
      first = std::max(1, first / 2);
      reporter.debug(std::string(e.what()) + "; asking for " + std::to_string(first) + " at a time");
    }
  }
}

class ResourceSync {
 public:
  ResourceSync(store::Db& db, GraphqlClient& client, http::HttpClient& http, http::Sleeper& sleeper, Reporter& reporter,
               const SyncOptions& options, const ResourceQuery& q, const sync::Tuning& tuning)
      : db_(db),
        client_(client),
        http_(http),
        sleeper_(sleeper),
        reporter_(reporter),
        options_(options),
        q_(q),
        tuning_(tuning),
        synced_at_(format_rfc3339(options.now)) {}

  ResourceOutcome run() {
    bool first_sync = !options_.since && !store::read_cursor(db_, kSource, q_.name);
    if (tuning_.shopify_bulk && (options_.full || first_sync)) return run_bulk();
    return run_paginated();
  }

 private:
  // The whole resource as one bulk job; a FAILED job's partial data is kept and the resource
  // reported as failed (after its data committed).
  ResourceOutcome run_bulk() {
    ResourceOutcome outcome(q_.name);
    outcome.bulk = true;
    BulkSettings settings{tuning_.shopify_bulk_timeout, tuning_.shopify_bulk_backoff, 3};
    auto result = bulk_import(db_, client_, http_, sleeper_, reporter_, q_, synced_at_, options_.full, settings);
    outcome.records = result.records;
    outcome.seconds = {{"bulk_wait", result.waiting_seconds},
                       {"bulk_download", result.download_seconds},
                       {"bulk_import", result.import_seconds}};
    if (result.partial_error)
      throw runtime_error(*result.partial_error, "the cursor was not moved: the next sync reads the resource again");
    if (options_.full) outcome.deleted = mark_missing_deleted();
    return outcome;
  }

  ResourceOutcome run_paginated() {
    ResourceOutcome outcome(q_.name);
    std::optional<Instant> from = starting_point();
    std::string filter = from ? "updated_at:>='" + filter_value(*from) + "'" : "";
    std::string high_water = from ? format_rfc3339(*from) : "";
    if (options_.full) store::reset_seen_ids(db_);
    int nested_first = q_.nested_page_size;
    int first = fitting_page_size(q_, nested_first, kMaxQueryCost);
    json after = nullptr;
    for (;;) {
      json data = query_shrinking(client_, reporter_, first, [&](int n) {
        return std::pair{q_.page_query(nested_first),
                         json{{"first", n}, {"after", after}, {"query", filter.empty() ? json() : json(filter)}}};
      });
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
      after = page_info.at("endCursor");
    }
    if (options_.full) outcome.deleted = mark_missing_deleted();
    return outcome;
  }

  static std::string normalised(const std::string& time) {
    auto t = parse_rfc3339(time);
    return t ? format_rfc3339(*t) : time;
  }

  // Where the filter starts: --since, else the stored cursor minus the overlap; nothing for --full.
  std::optional<Instant> starting_point() const {
    if (options_.full) return std::nullopt;
    if (options_.since) return *options_.since;
    auto cursor = store::read_cursor(db_, kSource, q_.name);
    if (!cursor) return std::nullopt;
    auto t = parse_rfc3339(*cursor);
    return t ? std::optional(*t - options_.overlap) : std::nullopt;
  }

  // The filter's value. Where Shopify matches updated_at by whole days (customers), in a day it
  // reckons in the shop's zone, a timestamp would lose the changes between that zone's midnight
  // and the time given: start a whole UTC day earlier, which no zone offset (at most 14 h) reaches.
  std::string filter_value(Instant from) const {
    if (!q_.date_filter) return format_rfc3339(from);
    auto day = std::chrono::floor<std::chrono::days>(from) - std::chrono::days(1);
    return format_rfc3339(Instant(day)).substr(0, 10);
  }

  // A node becomes the bulk-JSONL shape: the object without its connections, and each child as
  // its own object with __parentId (more children are fetched when the connection has more). A
  // list that filled its page (an order's refunds) is read again whole.
  void unwrap(const json& node, std::vector<std::string>& objects) {
    json parent = node;
    std::string parent_id = node.at("id").get<std::string>();
    for (size_t i = 0; i < q_.lists.size(); ++i) {
      const auto& l = q_.lists[i];
      if (!parent.contains(l.field) || !parent[l.field].is_array() ||
          parent[l.field].size() < static_cast<size_t>(l.page_first))
        continue;
      std::string query = q_.list_query(i);
      json more = client_.query(query, {{"id", parent_id}}, requested_cost(query, json::object()));
      parent[l.field] = more.at("node").at(l.field);
    }
    std::vector<json> children;
    for (size_t i = 0; i < q_.nested.size(); ++i) {
      const auto& field = q_.nested[i].field;
      if (!parent.contains(field)) continue;
      json connection = parent[field];
      parent.erase(field);
      int first = 250;
      for (;;) {
        for (const auto& child : connection.at("nodes")) {
          json c = child;
          c["__parentId"] = parent_id;
          children.push_back(std::move(c));
        }
        if (!connection.at("pageInfo").value("hasNextPage", false)) break;
        json cursor = connection["pageInfo"]["endCursor"];
        std::string query = q_.nested_query(i);
        first = std::min(first, std::max(1, static_cast<int>((kMaxQueryCost - 1) /
                                                              std::max(1.0, requested_cost(query, {{"first", 1}})))));
        json more = query_shrinking(client_, reporter_, first, [&](int n) {
          return std::pair{query, json{{"id", parent_id}, {"first", n}, {"after", cursor}}};
        });
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

  // Resource names are the store's table names; a product's variants and media go with it.
  std::uint64_t mark_missing_deleted() {
    std::uint64_t deleted = store::mark_unseen_deleted(db_, q_.name, synced_at_);
    if (q_.name == "products") {
      store::Transaction tx(db_);
      store::mark_children_of_deleted(db_, "products", "variants", "product_id", synced_at_);
      store::mark_children_of_deleted(db_, "products", "media", "product_id", synced_at_);
      tx.commit();
    }
    return deleted;
  }

  store::Db& db_;
  GraphqlClient& client_;
  http::HttpClient& http_;
  http::Sleeper& sleeper_;
  Reporter& reporter_;
  const SyncOptions& options_;
  const ResourceQuery& q_;
  const sync::Tuning& tuning_;
  std::string synced_at_;
};

void sync_shop(store::Db& db, GraphqlClient& client, Reporter& reporter, const SyncOptions& options) {
  json data = client.query(shop_query(), json::object(), 1);
  store::Transaction tx(db);
  RecordWriter writer(db, reporter, format_rfc3339(options.now));
  writer.write(data.at("shop").dump(), {"shopify shop", 1}, false);
  writer.finish();
  tx.commit();
}

// Products deleted in Shopify never show up in an updated_at filter: compare the ids. Their
// variants and media are marked with them.
std::uint64_t detect_deleted_products(store::Db& db, GraphqlClient& client, Reporter& reporter,
                                      const SyncOptions& options) {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS live_products (id INTEGER PRIMARY KEY); DELETE FROM temp.live_products;");
  const std::string query =
      "query SyncProductIds($first: Int!, $after: String) { products(first: $first, after: $after) "
      "{ pageInfo { hasNextPage endCursor } nodes { id } } }";
  store::Stmt live(db, "INSERT OR IGNORE INTO temp.live_products (id) VALUES (?1)");
  json after = nullptr;
  int first = 250;
  for (;;) {
    json data = query_shrinking(client, reporter, first,
                                [&](int n) { return std::pair{query, json{{"first", n}, {"after", after}}}; });
    for (const auto& node : data.at("products").at("nodes")) {
      auto gid = parse_gid(node.at("id").get<std::string>());
      if (gid && gid->number) {
        live.bind(1, *gid->number);
        live.run();
      }
    }
    if (!data["products"]["pageInfo"].value("hasNextPage", false)) break;
    after = data["products"]["pageInfo"]["endCursor"];
  }
  std::string at = format_rfc3339(options.now);
  store::Transaction tx(db);
  store::Stmt mark(
      db,
      "UPDATE products SET deleted_at = ?1 WHERE deleted_at IS NULL AND id NOT IN (SELECT id FROM temp.live_products)");
  mark.bind(1, at);
  mark.run();
  auto deleted = static_cast<std::uint64_t>(db.changes());
  store::mark_children_of_deleted(db, "products", "variants", "product_id", at);
  store::mark_children_of_deleted(db, "products", "media", "product_id", at);
  tx.commit();
  return deleted;
}

// The scopes the token carries: from the client-credentials answer, else asked of Shopify. Empty
// when unknown (then nothing is checked ahead and Shopify's own ACCESS_DENIED says it).
std::vector<std::string> access_scopes(GraphqlClient& client, Reporter& reporter) {
  if (client.granted_scopes()) return *client.granted_scopes();
  try {
    json data = client.query(access_scopes_query(), json::object(), 2);
    std::vector<std::string> scopes;
    for (const auto& s : data.at("currentAppInstallation").at("accessScopes"))
      if (s.contains("handle") && s["handle"].is_string()) scopes.push_back(s["handle"].get<std::string>());
    return scopes;
  } catch (const UnreachableError&) {
    throw;
  } catch (const Error& e) {
    if (e.code() == ExitCode::auth) throw;
    reporter.debug(std::string("could not read the app's access scopes: ") + e.what());
  } catch (const std::exception& e) {
    reporter.debug(std::string("could not read the app's access scopes: ") + e.what());
  }
  return {};
}

// A missing scope the resource cannot do without fails it; one that only narrows it is a warning.
void check_scopes(const ResourceQuery& q, const std::vector<std::string>& scopes, Reporter& reporter) {
  if (scopes.empty()) return;
  for (const auto& s : q.required_scopes)
    if (!granted(scopes, s))
      throw runtime_error("the app lacks the " + s + " access scope, which " + q.name + " need",
                          "add " + s + " to the app's Admin API access scopes and install it again "
                          "(docs/sync-shopify.md, \"Access scopes\")");
  for (const auto& f : q.scoped_fields)
    if (!granted(scopes, f.scope))
      reporter.warn("shopify " + q.name + ": the app lacks the " + f.scope + " access scope, so " + f.what +
                    " are not read");
  if (q.name == "orders" && !granted(scopes, "read_all_orders"))
    reporter.warn("shopify orders: the app lacks the read_all_orders access scope: Shopify shows only the last 60 "
                  "days of orders, and every KPI, cohort and customer value over a longer time is wrong (add "
                  "read_all_orders to the app's access scopes)");
}

// Without read_all_orders Shopify silently hides orders older than 60 days; the customers'
// numberOfOrders still counts them. Says so when the store looks like that.
void check_sixty_day_wall(store::Db& db, Reporter& reporter, const SyncOptions& options) {
  store::Stmt s(db,
                "SELECT (SELECT min(created_at) FROM orders WHERE deleted_at IS NULL), "
                "(SELECT sum(number_of_orders) FROM customers WHERE deleted_at IS NULL), "
                "(SELECT count(*) FROM orders WHERE customer_id IS NOT NULL AND deleted_at IS NULL)");
  if (!s.step() || s.is_null(1)) return;
  std::int64_t claimed = s.get_int(1), stored = s.get_int(2);
  std::string wall = format_rfc3339(options.now - std::chrono::days(61));
  bool all_recent = s.is_null(0) || s.get_text(0) > wall;
  if (all_recent && claimed > stored)
    reporter.warn("shopify orders: no order is older than 60 days, yet the customers' numberOfOrders count " +
                  std::to_string(claimed) + " orders where the store has " + std::to_string(stored) +
                  ": Shopify hides older orders from apps without the read_all_orders access scope");
}

}  // namespace

std::vector<std::string> shopify_resource_names() {
  std::vector<std::string> names = {"shop"};
  for (const auto& r : resource_queries()) names.push_back(r.name);
  return names;
}

std::vector<ResourceOutcome> sync_shopify(store::Db& db, GraphqlClient& client, http::HttpClient& http,
                                          http::Sleeper& sleeper, Reporter& reporter, const SyncOptions& options,
                                          const sync::Tuning& tuning) {
  sync::ResourceRunner runner(db, reporter, options, kSource);
  if (runner.wanted("shop"))
    runner.run("shop", [&] {
      sync_shop(db, client, reporter, options);
      ResourceOutcome outcome("shop");
      outcome.records = 1;
      return outcome;
    });
  std::optional<std::vector<std::string>> scopes;
  for (const auto& base : resource_queries()) {
    if (!runner.wanted(base.name)) continue;
    runner.run(base.name, [&] {
      if (!scopes) scopes = access_scopes(client, reporter);
      check_scopes(base, *scopes, reporter);
      ResourceQuery q = base.for_scopes(*scopes);
      bool first_sync = !options.since && !store::read_cursor(db, kSource, q.name);
      auto outcome = ResourceSync(db, client, http, sleeper, reporter, options, q, tuning).run();
      if (q.name == "products" && !options.full && !first_sync)
        outcome.deleted += detect_deleted_products(db, client, reporter, options);
      if (q.name == "orders") check_sixty_day_wall(db, reporter, options);
      return outcome;
    });
  }
  return std::move(runner.outcomes());
}

}  // namespace shopkeep::shopify
