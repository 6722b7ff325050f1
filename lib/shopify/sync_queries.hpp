#pragma once
// The GraphQL Admin API (2026-10) queries of the sync: one per resource, asking for at least the
// fields of data.md, with nested connections paged by follow-up node queries when they have more.
// Page sizes follow from each query's requested cost (shopify/query_cost.hpp), so a page stays
// within Shopify's 1,000-point single-query limit.
#include <string>
#include <vector>

namespace shopkeep::shopify {

struct NestedConnection {
  std::string field;      // "lineItems"
  std::string node_type;  // the parent's GraphQL type for the follow-up query ("Order")
  std::string selection;  // the child node's fields
};

// A list of objects inside a node that is not a connection (an order's refunds): read with
// `first` on a page, whole in a bulk query, and again whole for a node whose list filled the page.
struct InlineList {
  std::string field;      // "refunds"
  std::string node_type;  // "Order"
  std::string selection;
  int page_first;  // on a page
  int full_first;  // in the follow-up query for a node whose list was full
};

// A field only some access scopes may read: without `scope` it is left out of the queries.
struct ScopedField {
  std::string scope;     // "read_inventory"
  std::string fragment;  // exactly as it appears in the selection
  std::string what;      // for the warning: "unit costs (inventoryItem.unitCost)"
};

struct ResourceQuery {
  std::string name;        // shop, customers, products, orders, checkouts (for --resources and sync_state)
  std::string connection;  // the root connection ("orders"), empty for shop
  std::string node_fields;
  std::vector<NestedConnection> nested;
  bool sorted_by_updated_at;  // abandoned checkouts have no UPDATED_AT sort key
  int page_size;              // the most nodes a page asks for (fewer when the cost says so)
  int nested_page_size;
  std::vector<InlineList> lists;
  std::vector<std::string> required_scopes;  // without one of them the resource cannot be read
  std::vector<ScopedField> scoped_fields;     // read only with their scope
  bool date_filter = false;  // Shopify matches its updated_at filter by whole days (customers)

  std::string page_query(int nested_first) const;  // variables: $first, $after, $query
  std::string nested_query(size_t i) const;        // variables: $id, $first, $after
  std::string list_query(size_t i) const;          // variables: $id
  // This query without the fields whose scope is not in `granted` (every field when granted is empty).
  ResourceQuery for_scopes(const std::vector<std::string>& granted) const;
};

const std::vector<ResourceQuery>& resource_queries();
const ResourceQuery* find_resource(const std::string& name);
std::string shop_query();
// The scopes the app was granted (for tokens whose answer did not say).
std::string access_scopes_query();

// The requested cost of a page of `first` nodes with `nested_first` children per nested connection.
double page_cost(const ResourceQuery& q, int first, int nested_first);
// The largest page size up to q.page_size whose cost stays within `max_cost` (at least 1).
int fitting_page_size(const ResourceQuery& q, int nested_first, double max_cost);

}  // namespace shopkeep::shopify
