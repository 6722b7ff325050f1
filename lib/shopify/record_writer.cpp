#include "shopify/record_writer.hpp"

#include <simdjson.h>

#include <charconv>
#include <optional>
#include <set>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "privacy/suppression.hpp"
#include "shopify/gid.hpp"
#include "shopify/record_spec.hpp"
#include "store/simdjson_access.hpp"
#include "store/upsert.hpp"

namespace shopkeep::shopify {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// How a parent fared in this import; stored in temp.import_parents.won as 1, 0 or -1.
enum class ParentState { unknown, won, lost, suppressed };

ParentState state_from_column(std::int64_t won) {
  return won > 0 ? ParentState::won : won == 0 ? ParentState::lost : ParentState::suppressed;
}

}  // namespace

struct RecordWriter::Impl {
  store::Db& db;
  Reporter& reporter;
  std::string synced_at;
  WriteCounts counts;
  privacy::SuppressionFilter suppressions;
  simdjson::dom::parser parser;
  std::vector<std::optional<store::Upsert<store::SimdjsonAccess>>> upserts;  // per Table
  std::vector<std::vector<store::Stmt>> delete_children;                     // per parent Table
  // Before a newer parent drops its children, they are kept in temp.import_replaced, so that a
  // child written again counts as unchanged or updated, not inserted.
  std::vector<std::vector<store::Stmt>> stash_children;  // per parent Table
  store::Stmt find_parent, record_parent, add_pending, parent_exists_orders, parent_exists_products,
      parent_exists_checkouts, find_replaced;
  // The most recent parent, since children usually follow theirs directly.
  Table last_parent_table = Table::shop;
  std::int64_t last_parent_id = 0;
  ParentState last_parent_state = ParentState::unknown;
  std::string where_prefix;  // "file:line: " of the line at hand
  std::optional<std::int64_t> last_root;

  Impl(store::Db& d, Reporter& r, std::string at)
      : db(d),
        reporter(r),
        synced_at(std::move(at)),
        suppressions(d),
        find_parent(prepare_temp(d, "SELECT won FROM temp.import_parents WHERE tbl = ?1 AND id = ?2")),
        record_parent(d,
                      "INSERT INTO temp.import_parents (tbl, id, won) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT(tbl, id) DO UPDATE SET won = CASE WHEN won < 0 OR excluded.won < 0 THEN -1 "
                      "ELSE max(won, excluded.won) END"),
        add_pending(d,
                    "INSERT INTO temp.import_pending (tbl, parent_id, file, line, json) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)"),
        parent_exists_orders(d, "SELECT 1 FROM orders WHERE id = ?1"),
        parent_exists_products(d, "SELECT 1 FROM products WHERE id = ?1"),
        parent_exists_checkouts(d, "SELECT 1 FROM checkouts WHERE id = ?1"),
        find_replaced(d, "SELECT raw IS ?3 FROM temp.import_replaced WHERE tbl = ?1 AND id = ?2") {
    for (int t = 0; t <= static_cast<int>(Table::refunds); ++t)
      upserts.emplace_back(std::in_place, db, spec_of(static_cast<Table>(t)).upsert);
    delete_children.resize(upserts.size());
    stash_children.resize(upserts.size());
    for (Table parent : {Table::orders, Table::products, Table::checkouts})
      for (Table child : children_of(parent)) {
        const auto& c = spec_of(child).upsert;
        stash_children[static_cast<int>(parent)].emplace_back(
            db, "INSERT OR REPLACE INTO temp.import_replaced (tbl, id, raw) SELECT " +
                    std::to_string(static_cast<int>(child)) + ", id, raw FROM " + std::string(c.name) + " WHERE " +
                    std::string(c.parent_column) + " = ?1");
        delete_children[static_cast<int>(parent)].emplace_back(
            db, "DELETE FROM " + std::string(c.name) + " WHERE " + std::string(c.parent_column) + " = ?1");
      }
  }

  // The temp tables must exist before statements on them are prepared.
  static store::Stmt prepare_temp(store::Db& d, std::string_view sql) {
    d.exec(
        "CREATE TEMP TABLE IF NOT EXISTS import_parents (tbl INTEGER, id INTEGER, won INTEGER, "
        "PRIMARY KEY (tbl, id)) WITHOUT ROWID;"
        "CREATE TEMP TABLE IF NOT EXISTS import_pending (seq INTEGER PRIMARY KEY, tbl INTEGER, "
        "parent_id INTEGER, file TEXT, line INTEGER, json TEXT);"
        "CREATE TEMP TABLE IF NOT EXISTS import_replaced (tbl INTEGER, id, raw TEXT, PRIMARY KEY (tbl, id)) "
        "WITHOUT ROWID;"
        "DELETE FROM temp.import_parents; DELETE FROM temp.import_pending; DELETE FROM temp.import_replaced;");
    return store::Stmt(d, sql);
  }

  [[noreturn]] void fail(const std::string& what) const { throw runtime_error(where_prefix + what); }

  // Runs the upsert; `older` when the store (or this import) has a newer version.
  store::WriteOutcome upsert(const TableSpec& spec, const Gid& gid, std::optional<std::int64_t> parent_id,
                             const element& object, std::string_view raw) {
    store::RowId id = gid.number ? store::RowId(*gid.number) : store::RowId(gid.text);
    auto outcome =
        upserts[static_cast<int>(spec.table)]->write(id, parent_id, object, raw, synced_at, std::nullopt, where_prefix);
    auto stored = outcome;
    if (outcome == store::WriteOutcome::inserted && !spec.upsert.parent_column.empty())
      outcome = replaced_child_outcome(spec.table, id, raw);
    count(spec.table, outcome);
    return stored;
  }

  void count(Table table, store::WriteOutcome outcome) {
    std::string name(spec_of(table).upsert.name);
    counts.tables[name].add(outcome);
    if (outcome == store::WriteOutcome::older)
      ++counts.older_skipped;
    else
      ++counts.written[name];
  }

  // A child its newer parent dropped a moment ago and that comes back: the same, or changed.
  store::WriteOutcome replaced_child_outcome(Table table, store::RowId id, std::string_view raw) {
    find_replaced.bind(1, static_cast<std::int64_t>(table));
    if (auto* n = std::get_if<std::int64_t>(&id))
      find_replaced.bind(2, *n);
    else
      find_replaced.bind_static(2, std::get<std::string_view>(id));
    find_replaced.bind_static(3, raw);
    auto outcome = store::WriteOutcome::inserted;
    if (find_replaced.step())
      outcome = find_replaced.get_int(0) != 0 ? store::WriteOutcome::unchanged : store::WriteOutcome::updated;
    find_replaced.reset();
    return outcome;
  }

  void warn_unknown(std::string_view type) {
    auto [it, inserted] = counts.unknown_types.try_emplace(std::string(type), 0);
    if (inserted)
      reporter.warn(where_prefix + "skipping objects of type " + std::string(type) +
                    ", which the store does not model");
    ++it->second;
  }

  ParentState parent_state(Table table, std::int64_t id) {
    if (table == last_parent_table && id == last_parent_id) return last_parent_state;
    find_parent.bind(1, static_cast<std::int64_t>(table)).bind(2, id);
    ParentState state = ParentState::unknown;
    if (find_parent.step()) state = state_from_column(find_parent.get_int(0));
    find_parent.reset();
    return state;
  }

  std::string_view text_at(const element& object, std::string_view pointers) {
    auto v = store::lookup<store::SimdjsonAccess>(object, pointers);
    std::string_view text;
    if (v && v->is_string()) text = v->get_string().value_unsafe();
    return text;
  }

  // People who asked to be forgotten stay forgotten: their customer record, orders and checkouts
  // (matched by customer id or email) are skipped, and with them their children.
  bool is_suppressed(const TableSpec& spec, std::int64_t id, const element& object) {
    if (suppressions.empty()) return false;
    auto customer = [&] {
      auto gid = parse_gid(text_at(object, "/customer/id"));
      return gid && gid->number && suppressions.id("shopify_customer", *gid->number);
    };
    switch (spec.table) {
      case Table::customers:
        return suppressions.id("shopify_customer", id) ||
               suppressions.email(text_at(object, "/defaultEmailAddress/emailAddress|/email"));
      case Table::orders:
        return customer() || suppressions.email(text_at(object, "/email|/customer/defaultEmailAddress/emailAddress"));
      case Table::checkouts:
        return customer() ||
               suppressions.email(text_at(object, "/customer/defaultEmailAddress/emailAddress|/customer/email"));
      default: return false;
    }
  }

  void remember_parent(Table table, std::int64_t id, std::int64_t won_column) {
    record_parent.bind(1, static_cast<std::int64_t>(table)).bind(2, id).bind(3, won_column);
    record_parent.run();
  }

  // Every day and week of the analyses is the shop's: a zone no one can read is refused here, at the
  // line that brings it, not later by the first command that needs it.
  void check_time_zone(const element& shop) {
    auto zone = store::lookup<store::SimdjsonAccess>(shop, "/ianaTimezone");
    if (!zone) return;
    if (!zone->is_string()) fail("field ianaTimezone: expected a string, got " + simdjson::minify(*zone));
    std::string name(zone->get_string().value_unsafe());
    try {
      (void)Zone(name);
    } catch (const Error&) {
      fail("field ianaTimezone: unknown time zone '" + name + "' (expected an IANA name such as Europe/Berlin)");
    }
  }

  void write_root(const TableSpec& spec, const Gid& gid, const element& object, std::string_view raw) {
    if (!gid.number) fail("no usable id: " + std::string(gid.text) + " does not end in a number");
    if (spec.table == Table::shop) check_time_zone(object);
    if (is_suppressed(spec, *gid.number, object)) {
      ++counts.suppressed;
      if (!children_of(spec.table).empty()) remember_parent(spec.table, *gid.number, -1);
      last_parent_table = spec.table;
      last_parent_id = *gid.number;
      last_parent_state = ParentState::suppressed;
      return;
    }
    auto outcome = upsert(spec, gid, std::nullopt, object, raw);
    bool won = outcome != store::WriteOutcome::older;
    if (children_of(spec.table).empty()) return;
    ParentState before = parent_state(spec.table, *gid.number);
    // A parent new to the store has no stored children (foreign keys), so nothing to drop: on a
    // first import this saves four statements per order, and lookups by parent in indexes that
    // DeferredIndexes has not built yet.
    if (won && before != ParentState::won && outcome != store::WriteOutcome::inserted) {
      // A newer parent replaces its children as a set: drop the stored ones once per import.
      for (auto& stash : stash_children[static_cast<int>(spec.table)]) {
        stash.bind(1, *gid.number);
        stash.run();
      }
      for (auto& del : delete_children[static_cast<int>(spec.table)]) {
        del.bind(1, *gid.number);
        del.run();
      }
    }
    if (won && spec.table == Table::orders) write_inline_refunds(*gid.number, object);
    remember_parent(spec.table, *gid.number, won ? 1 : 0);
    last_parent_table = spec.table;
    last_parent_id = *gid.number;
    last_parent_state = (won || before == ParentState::won) ? ParentState::won : ParentState::lost;
  }

  // An order's `refunds` is a list inside the order, not a connection: each refund becomes a row of
  // `refunds`, replaced with the order (its stored refunds were dropped with its other children).
  void write_inline_refunds(std::int64_t order_id, const element& order) {
    simdjson::dom::array refunds;
    if (order["refunds"].get_array().get(refunds)) return;  // absent or null: none read
    std::string prefix = where_prefix;
    size_t i = 0;
    for (element refund : refunds) {
      where_prefix = prefix + "refunds[" + std::to_string(i++) + "]: ";
      std::string_view id_text;
      if (!refund.is_object() || refund["id"].get_string().get(id_text)) fail("a refund without an id");
      auto gid = parse_gid(id_text);
      if (!gid || !gid->number) fail("no usable id: '" + std::string(id_text) + "' is not a Shopify GID");
      std::string raw = simdjson::minify(refund);
      upsert(spec_of(Table::refunds), *gid, order_id, refund, raw);
    }
    where_prefix = prefix;
  }

  void write_child(const Gid& gid, std::string_view parent_text, const element& object, std::string_view raw,
                   const LineSource& where) {
    auto parent = parse_gid(parent_text);
    if (!parent || !parent->number) fail("__parentId is not a usable Shopify GID: " + std::string(parent_text));
    const TableSpec* parent_spec = root_spec(parent->type);
    const TableSpec* spec = parent_spec ? child_spec(parent_spec->table, gid.type) : nullptr;
    if (spec == nullptr) {
      warn_unknown(std::string(gid.type) + " (under " + std::string(parent->type) + ")");
      return;
    }
    if (!gid.number && !spec->text_id) fail("no usable id: " + std::string(gid.text) + " does not end in a number");
    switch (parent_state(parent_spec->table, *parent->number)) {
      case ParentState::won: upsert(*spec, gid, parent->number, object, raw); return;
      case ParentState::lost: count(spec->table, store::WriteOutcome::older); return;
      case ParentState::suppressed: ++counts.suppressed; return;
      case ParentState::unknown:  // the parent comes later (or never): decide at finish()
        add_pending.bind(1, static_cast<std::int64_t>(parent_spec->table))
            .bind(2, *parent->number)
            .bind(3, where.file)
            .bind(4, static_cast<std::int64_t>(where.line))
            .bind_static(5, raw);
        add_pending.run();
        return;
    }
  }

  void write(std::string_view json, const LineSource& where, bool padded) {
    ++counts.lines;
    last_root.reset();
    where_prefix = std::string(where.file) + ":" + std::to_string(where.line) + ": ";
    element object;
    if (auto error = parser.parse(json.data(), json.size(), !padded).get(object))
      fail(std::string("invalid JSON: ") + simdjson::error_message(error));
    if (!object.is_object()) fail("expected a JSON object");
    std::string_view id_text;
    if (object["id"].get_string().get(id_text)) fail("no usable id: missing or not a string");
    auto gid = parse_gid(id_text);
    if (!gid) fail("no usable id: '" + std::string(id_text) + "' is not a Shopify GID");
    std::string_view parent_text;
    element parent_value;
    if (!object["__parentId"].get(parent_value) && !parent_value.is_null()) {
      if (parent_value.get_string().get(parent_text)) fail("__parentId is not a string");
      write_child(*gid, parent_text, object, json, where);
      return;
    }
    const TableSpec* spec = root_spec(gid->type);
    if (spec == nullptr) {
      warn_unknown(gid->type);
      return;
    }
    write_root(*spec, *gid, object, json);
    last_root = gid->number;
  }

  bool parent_in_store(Table table, std::int64_t id) {
    store::Stmt& probe = table == Table::orders     ? parent_exists_orders
                         : table == Table::products ? parent_exists_products
                                                    : parent_exists_checkouts;
    probe.bind(1, id);
    bool found = probe.step();
    probe.reset();
    return found;
  }

  void resolve_pending() {
    store::Stmt pending(db, "SELECT tbl, parent_id, file, line, json FROM temp.import_pending ORDER BY seq");
    std::uint64_t orphans_before = counts.orphans;
    while (pending.step()) {
      auto table = static_cast<Table>(pending.get_int(0));
      std::int64_t parent_id = pending.get_int(1);
      std::string file = pending.get_text(2);
      auto line = static_cast<std::uint64_t>(pending.get_int(3));
      simdjson::padded_string json(pending.get_text(4));
      where_prefix = file + ":" + std::to_string(line) + ": ";
      element object;
      if (parser.parse(json).get(object)) fail("invalid JSON");
      auto gid = parse_gid(object["id"].get_string().value_unsafe());
      auto parent = parse_gid(object["__parentId"].get_string().value_unsafe());
      const TableSpec* spec = child_spec(table, gid->type);
      std::string_view raw(json.data(), json.size());
      switch (parent_state(table, parent_id)) {
        case ParentState::won: upsert(*spec, *gid, parent->number, object, raw); break;
        case ParentState::lost: count(spec->table, store::WriteOutcome::older); break;
        case ParentState::suppressed: ++counts.suppressed; break;
        case ParentState::unknown:
          if (parent_in_store(table, parent_id))
            upsert(*spec, *gid, parent->number, object, raw);
          else
            ++counts.orphans;
          break;
      }
    }
    if (counts.orphans > orphans_before)
      reporter.warn(std::to_string(counts.orphans - orphans_before) +
                    " child objects skipped: their parent is neither in this import nor in the store");
  }

  void finish() {
    resolve_pending();
    // A checkout has no email of its own: it is its customer's.
    db.exec(
        "UPDATE checkouts SET email = (SELECT c.email FROM customers c WHERE c.id = checkouts.customer_id) "
        "WHERE email IS NULL AND customer_id IS NOT NULL");
    db.exec("DELETE FROM temp.import_parents; DELETE FROM temp.import_pending; DELETE FROM temp.import_replaced;");
    last_parent_state = ParentState::unknown;
    last_parent_id = 0;
  }
};

RecordWriter::RecordWriter(store::Db& db, Reporter& reporter, std::string synced_at)
    : impl_(std::make_unique<Impl>(db, reporter, std::move(synced_at))) {}
RecordWriter::~RecordWriter() = default;

void RecordWriter::write(std::string_view json, const LineSource& where, bool padded) {
  impl_->write(json, where, padded);
}
void RecordWriter::finish() { impl_->finish(); }
const WriteCounts& RecordWriter::counts() const { return impl_->counts; }
std::optional<std::int64_t> RecordWriter::last_root_id() const { return impl_->last_root; }

}  // namespace shopkeep::shopify
