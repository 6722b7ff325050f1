#pragma once
// How each Shopify object type maps to a store table (through store::Upsert): one column per field,
// read from a JSON pointer ("a|b" means the first of a or b that is present, for old and new API
// shapes).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/upsert.hpp"

namespace shopkeep::shopify {

enum class Table { shop, customers, orders, order_lines, products, variants, media, checkouts, checkout_lines, refunds };

struct TableSpec {
  Table table;
  store::UpsertTable upsert;  // the store table, its columns and update rules
  bool text_id;               // checkout lines: the id column may hold a whole GID
  Table parent_table;         // children: whose child they are
};

// The spec for a root object's GID type ("Order"), or nullptr when the store does not model it.
const TableSpec* root_spec(std::string_view gid_type);
// The spec for a child line's GID type under a parent table, or nullptr.
const TableSpec* child_spec(Table parent, std::string_view gid_type);
const TableSpec& spec_of(Table table);
// The child tables of a parent table (order_lines and refunds for orders; variants and media for products).
std::span<const Table> children_of(Table parent);
// The store tables a Shopify import writes, each once.
std::vector<std::string> record_tables();

}  // namespace shopkeep::shopify
