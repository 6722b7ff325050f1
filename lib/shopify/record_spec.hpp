#pragma once
// How each Shopify object type maps to a store table: one column per field, read from a JSON
// pointer ("a|b" means the first of a or b that is present, for old and new API shapes).
#include <span>
#include <string_view>

namespace shopkeep::shopify {

enum class FieldKind {
  text,        // a string (numbers and booleans are written as their JSON text)
  integer,     // a JSON number or a numeric string (UnsignedInt64 counts are strings)
  boolean,     // true/false as 1/0
  time,        // RFC 3339, normalised to UTC "YYYY-MM-DDTHH:MM:SSZ"
  gid_number,  // the number at the end of a GID (customer{id} -> 207119551)
  json,        // the value as compact JSON text (tags, discount codes)
};

struct FieldSpec {
  std::string_view column;
  std::string_view pointer;
  FieldKind kind;
};

enum class Table { shop, customers, orders, order_lines, products, variants, media, checkouts, checkout_lines };

struct TableSpec {
  Table table;
  std::string_view name;  // store table
  std::span<const FieldSpec> fields;
  bool versioned;  // parents: an older updated_at never overwrites a newer one
  bool has_deleted_at;
  bool text_id;                    // checkout lines: the id column may hold a whole GID
  std::string_view parent_column;  // children: the column holding the parent id
  Table parent_table;              // children: whose child they are
};

// The spec for a root object's GID type ("Order"), or nullptr when the store does not model it.
const TableSpec* root_spec(std::string_view gid_type);
// The spec for a child line's GID type under a parent table, or nullptr.
const TableSpec* child_spec(Table parent, std::string_view gid_type);
const TableSpec& spec_of(Table table);
// The child tables of a parent table (order_lines for orders; variants and media for products).
std::span<const Table> children_of(Table parent);

}  // namespace shopkeep::shopify
