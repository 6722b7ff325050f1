#pragma once
// The one upsert engine both sources write through: a table spec (columns read from JSON pointers,
// with their kinds and, where a column needs it, its own update expression), the SQL built from it,
// the "a|b" field fallback, and the binding of JSON values to typed columns. The JSON library is a
// parameter (simdjson for Shopify's JSONL, nlohmann for Zendesk's bodies): each source supplies a
// small JsonAccess with how to find a pointer and read a value; everything else is here, once.
#include <charconv>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/error.hpp"
#include "core/money.hpp"
#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::store {

enum class FieldKind {
  text,       // a string (numbers and booleans are written as their JSON text)
  integer,    // a JSON integer or a string of digits (Shopify's UnsignedInt64 counts are strings)
  boolean,    // true/false as 1/0
  time,       // RFC 3339, normalised to UTC "YYYY-MM-DDTHH:MM:SSZ"
  reference,  // a string id the table's parse_reference turns into a number (a Shopify GID's)
  json,       // the value as compact JSON text (tags, discount codes)
  money,      // a decimal string kept as given; in a MoneyBag (".../amount" beside ".../currencyCode") it
              // may not have more decimals than the currency's ISO 4217 minor unit
  quantity,   // a count of units: an integer (or string of digits) from 0 to kMaxQuantity
};

// The largest unit count an import accepts: beyond it a quantity is a data error, not an order, and
// sums of quantities stay far from int64 overflow.
inline constexpr std::int64_t kMaxQuantity = 1'000'000'000;

struct Column {
  std::string_view name;
  std::string_view pointer;  // JSON pointer; "a|b" = the first present and not null
  FieldKind kind;
  std::string_view on_update = {};  // the SQL of the updated value; default excluded.<name>
  std::string_view bind_as = {};    // the SQL of the inserted value, `?` standing for the field; default `?`
};

struct UpsertTable {
  std::string_view name;
  std::span<const Column> columns;
  bool versioned = false;               // an older updated_at never overwrites a newer one
  bool has_deleted_at = false;          // deleted_at is bound last (NULL: the row is live again)
  std::string_view parent_column = {};  // children: the parent's id, bound right after the id
  std::optional<std::int64_t> (*parse_reference)(std::string_view) = nullptr;  // for FieldKind::reference
};

// INSERT ... ON CONFLICT(id) DO UPDATE ...; parameters: id, [parent], columns..., raw, synced_at,
// [deleted_at].
std::string upsert_sql(const UpsertTable& table);

// The column's field name for messages: "customer/id" for "/customer/id|/email".
std::string_view field_name(const Column& column);

// The first alternative of "a|b" that is present and not null.
template <typename Access>
std::optional<typename Access::Value> lookup(const typename Access::Object& object, std::string_view pointers) {
  for (;;) {
    size_t bar = pointers.find('|');
    if (auto value = Access::at(object, pointers.substr(0, bar))) return value;
    if (bar == std::string_view::npos) return std::nullopt;
    pointers.remove_prefix(bar + 1);
  }
}

using RowId = std::variant<std::int64_t, std::string_view>;

// What one upsert did, so that import summaries say what changed rather than what was read.
enum class WriteOutcome {
  inserted,   // a new row
  updated,    // the stored row replaced by a different version
  unchanged,  // the same raw record again (synced_at is still refreshed)
  older,      // a stored newer version won; nothing written
};

// How many rows of one table each outcome had.
struct OutcomeCounts {
  std::uint64_t inserted = 0, updated = 0, unchanged = 0, older_skipped = 0;
  void add(WriteOutcome outcome);
  std::uint64_t written() const { return inserted + updated + unchanged; }
};

// SELECT raw IS ?2 [AND deleted_at IS ?3] FROM table WHERE id = ?1: whether a stored row holds the same record.
std::string same_row_sql(const UpsertTable& table);

// One table's prepared upsert. Errors in a field name it, prefixed by `where` ("orders.jsonl:3: ").
template <typename Access>
class Upsert {
 public:
  Upsert(Db& db, const UpsertTable& table)
      : db_(db), table_(table), stmt_(db, upsert_sql(table)), same_(db, same_row_sql(table)) {}

  const UpsertTable& table() const { return table_; }

  // Binds and runs; says whether the row was new, replaced, the same again, or lost to a newer one.
  WriteOutcome write(RowId id, std::optional<std::int64_t> parent, const typename Access::Object& object,
                     std::string_view raw, std::string_view synced_at, std::optional<std::string_view> deleted_at,
                     std::string_view where) {
    bind_id(same_, id);
    same_.bind_static(2, raw);
    if (table_.has_deleted_at) same_.bind(3, deleted_at);
    std::optional<bool> same;
    if (same_.step()) same = same_.get_int(0) != 0;
    same_.reset();
    bind_id(stmt_, id);
    int index = 1;
    if (!table_.parent_column.empty()) stmt_.bind(++index, parent);
    for (const auto& column : table_.columns) bind_field(++index, column, object, where);
    stmt_.bind_static(++index, raw);
    stmt_.bind_static(++index, synced_at);
    if (table_.has_deleted_at) stmt_.bind(++index, deleted_at);
    stmt_.run();
    if (db_.changes() == 0) return WriteOutcome::older;
    if (!same) return WriteOutcome::inserted;
    return *same ? WriteOutcome::unchanged : WriteOutcome::updated;
  }

 private:
  static void bind_id(Stmt& stmt, RowId id) {
    if (auto* n = std::get_if<std::int64_t>(&id))
      stmt.bind(1, *n);
    else
      stmt.bind_static(1, std::get<std::string_view>(id));
  }

  [[noreturn]] static void fail(std::string_view where, const Column& c, const std::string& what) {
    throw runtime_error(std::string(where) + "field " + std::string(field_name(c)) + ": " + what);
  }

  void bind_field(int index, const Column& c, const typename Access::Object& object, std::string_view where) {
    auto found = lookup<Access>(object, c.pointer);
    if (!found) {
      stmt_.bind_null(index);
      return;
    }
    const auto& v = *found;
    switch (c.kind) {
      case FieldKind::text:
        if (auto s = Access::string(v))
          stmt_.bind_static(index, *s);
        else
          stmt_.bind(index, Access::json_text(v));
        return;
      case FieldKind::json: stmt_.bind(index, Access::json_text(v)); return;
      case FieldKind::boolean:
        if (auto b = Access::boolean(v)) return void(stmt_.bind(index, std::int64_t{*b ? 1 : 0}));
        fail(where, c, "expected true or false, got " + Access::json_text(v));
      case FieldKind::integer:
        if (auto n = integer(v)) return void(stmt_.bind(index, *n));
        fail(where, c, "expected an integer, got " + Access::json_text(v));
      case FieldKind::time: {
        auto s = Access::string(v);
        auto t = s ? parse_rfc3339(*s) : std::nullopt;
        if (!t) fail(where, c, "invalid time " + Access::json_text(v));
        stmt_.bind(index, format_rfc3339(*t));
        return;
      }
      case FieldKind::money: return bind_money(index, c, object, v, where);
      case FieldKind::quantity: {
        auto n = integer(v);
        if (n && *n >= 0 && *n <= kMaxQuantity) return void(stmt_.bind(index, *n));
        fail(where, c,
             "expected a quantity from 0 to " + std::to_string(kMaxQuantity) + ", got " + Access::json_text(v));
      }
      case FieldKind::reference: {
        auto s = Access::string(v);
        auto n = s && table_.parse_reference ? table_.parse_reference(*s) : std::nullopt;
        if (!n) fail(where, c, "not a Shopify GID " + Access::json_text(v));
        stmt_.bind(index, *n);
        return;
      }
    }
  }

  // A decimal amount, kept as the exact text. Within a MoneyBag the currency beside it says how many
  // decimals it may carry: more (3-decimal EUR, 2-decimal JPY) is refused rather than rounded, since
  // a rounded amount would no longer add up with the order's other amounts.
  void bind_money(int index, const Column& c, const typename Access::Object& object, const typename Access::Value& v,
                  std::string_view where) {
    auto s = Access::string(v);
    if (!s || !is_decimal(*s)) fail(where, c, "expected a decimal amount, got " + Access::json_text(v));
    if (auto currency = currency_beside(object, c.pointer)) {
      int exponent = currency_exponent(*currency);
      if (!parse_minor_units(*s, exponent)) {
        size_t first_extra = s->find('.') + 1 + static_cast<size_t>(exponent);
        bool extra_digits = s->find('.') != std::string_view::npos && first_extra < s->size() &&
                            s->find_first_not_of('0', first_extra) != std::string_view::npos;
        fail(where, c,
             extra_digits ? "amount " + std::string(*s) + " has more decimals than " + std::string(*currency) +
                                " allows (" + std::to_string(exponent) + ", ISO 4217)"
                          : "amount " + std::string(*s) + " is too large");
      }
    }
    stmt_.bind_static(index, *s);
  }

  // The currencyCode of the MoneyBag an amount was found in ("/x/shopMoney/amount" ->
  // "/x/shopMoney/currencyCode"), when the column's matching alternative is one.
  static std::optional<std::string_view> currency_beside(const typename Access::Object& object,
                                                         std::string_view pointers) {
    constexpr std::string_view bag_amount = "/shopMoney/amount";
    for (;;) {
      size_t bar = pointers.find('|');
      std::string_view pointer = pointers.substr(0, bar);
      if (Access::at(object, pointer)) {
        if (!pointer.ends_with(bag_amount)) return std::nullopt;
        std::string code(pointer.substr(0, pointer.size() - 6));
        code += "currencyCode";
        auto found = Access::at(object, code);
        return found ? Access::string(*found) : std::nullopt;
      }
      if (bar == std::string_view::npos) return std::nullopt;
      pointers.remove_prefix(bar + 1);
    }
  }

  static std::optional<std::int64_t> integer(const typename Access::Value& v) {
    if (auto n = Access::integer(v)) return n;
    auto s = Access::string(v);
    if (!s) return std::nullopt;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
    if (ec != std::errc() || end != s->data() + s->size()) return std::nullopt;
    return n;
  }

  Db& db_;
  const UpsertTable& table_;
  Stmt stmt_;
  Stmt same_;
};

}  // namespace shopkeep::store
