#pragma once
// The GraphQL Admin API (2026-10) queries of the sync: one per resource, asking for at least the
// fields of data.md, with nested connections paged by follow-up node queries when they have more.
#include <string>
#include <vector>

namespace shopkeep::shopify {

struct NestedConnection {
  std::string field;      // "lineItems"
  std::string node_type;  // the parent's GraphQL type for the follow-up query ("Order")
  std::string selection;  // the child node's fields
};

struct ResourceQuery {
  std::string name;        // shop, customers, products, orders, checkouts (for --resources and sync_state)
  std::string connection;  // the root connection ("orders"), empty for shop
  std::string node_fields;
  std::vector<NestedConnection> nested;
  bool sorted_by_updated_at;  // abandoned checkouts have no UPDATED_AT sort key
  int page_size;              // kept so the requested cost stays well under 1,000
  int nested_page_size;

  std::string page_query() const;            // variables: $first, $after, $query
  std::string nested_query(size_t i) const;  // variables: $id, $first, $after
  double page_cost() const;                  // the requested cost Shopify computes for page_query
};

const std::vector<ResourceQuery>& resource_queries();
const ResourceQuery* find_resource(const std::string& name);
std::string shop_query();

}  // namespace shopkeep::shopify
