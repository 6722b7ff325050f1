#include "analytics/recommend/purchases.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

namespace shopkeep::analytics::recommend {

Item Catalog::item_of(std::int64_t id, const std::string& fallback_title) {
  auto [it, fresh] = index.try_emplace(id, static_cast<Item>(product_id.size()));
  if (fresh) {
    product_id.push_back(id);
    title.push_back(fallback_title);
    handle.push_back("");
    available.push_back(false);  // unknown to the catalog: never recommended
  }
  return it->second;
}

namespace {

void load_catalog(store::Db& db, Catalog& catalog) {
  store::Stmt products(
      db,
      "SELECT p.id, coalesce(p.title, ''), coalesce(p.handle, ''), p.status = 'ACTIVE' AND p.deleted_at IS NULL AND "
      "EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.deleted_at IS NULL AND "
      "(v.inventory_quantity IS NULL OR v.inventory_quantity > 0)) FROM products p ORDER BY p.id");
  while (products.step()) {
    Item item = catalog.item_of(products.get_int(0), products.get_text(1));
    catalog.handle[item] = products.get_text(2);
    catalog.available[item] = products.get_int(3) != 0;
  }
}

// The store writes times as "YYYY-MM-DDTHH:MM:SSZ": read that shape directly (a million orders), and
// anything else through the full RFC 3339 parser.
std::optional<Instant> order_time(std::string_view text) {
  auto digits = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  if (text.size() == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':' &&
      text[19] == 'Z') {
    int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2), h = digits(11, 2), mi = digits(14, 2),
        sec = digits(17, 2);
    std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                     std::chrono::day(static_cast<unsigned>(d))};
    if (y >= 0 && date.ok() && h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 61)
      return Instant(std::chrono::sys_days(date)) + std::chrono::hours(h) + std::chrono::minutes(mi) +
             std::chrono::seconds(sec);
  }
  return parse_rfc3339(text);
}

// A text column without a copy (a million order dates, parsed at once): valid until the next step.
std::string_view text_view(store::Stmt& stmt, int column) {
  auto text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.raw(), column));
  return text ? std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt.raw(), column)))
              : std::string_view();
}

// A counted order before --now and where its basket is in the flat list of items; 32 bytes, as the
// million of them are sorted twice.
struct OrderRow {
  static constexpr std::int64_t kGuest = std::numeric_limits<std::int64_t>::min();
  std::int64_t order_id;
  std::int64_t customer_id;  // kGuest: none
  Instant at;
  std::uint32_t first = 0, last = 0;  // its items: [first, last) of the flat list
};

// The orders in one scan of a covering index (store v7) instead of a lookup per order into rows
// that carry their raw JSON; by order id, the order of their lines.
std::vector<OrderRow> load_orders(store::Db& db, Instant now) {
  store::Stmt orders(db, "SELECT id, customer_id, ordered_at FROM counted_orders WHERE ordered_at < ?1");
  orders.bind(1, format_rfc3339(now));
  std::vector<OrderRow> rows;
  while (orders.step()) {
    auto at = order_time(text_view(orders, 2));
    if (!at) continue;  // an unreadable date cannot be placed before --now
    rows.push_back({orders.get_int(0), orders.is_null(1) ? OrderRow::kGuest : orders.get_int(1), *at});
  }
  std::sort(rows.begin(), rows.end(), [](const OrderRow& a, const OrderRow& b) { return a.order_id < b.order_id; });
  return rows;
}

// The title a product had on a line, for a product the catalog does not have (deleted, or orders
// imported without their products): looked up once per such product.
std::string line_title(store::Db& db, std::int64_t order, std::int64_t product) {
  store::Stmt title(db, "SELECT coalesce(title, '') FROM order_lines WHERE order_id = ?1 AND product_id = ?2 LIMIT 1");
  title.bind(1, order);
  title.bind(2, product);
  return title.step() ? title.get_text(0) : std::string();
}

// An order's items made distinct and sorted, in place at the end of the flat list.
void close_basket(std::vector<Item>& items, OrderRow& order) {
  auto first = items.begin() + order.first;
  std::sort(first, items.end());
  items.erase(std::unique(first, items.end()), items.end());
  order.last = static_cast<std::uint32_t>(items.size());
}

// The lines, in one scan of a covering index in order id order, merged with the orders by id into
// one flat list of items (each order's lines arrive together): sequential reads and writes.
std::vector<Item> load_lines(store::Db& db, std::vector<OrderRow>& orders, Catalog& catalog) {
  // Units sold: the line's current quantity (refunded and removed units excluded); a line without
  // any quantity is taken as bought.
  store::Stmt lines(db,
                    "SELECT order_id, product_id FROM order_lines WHERE product_id IS NOT NULL "
                    "AND coalesce(current_quantity, quantity, 1) > 0 ORDER BY order_id");
  std::vector<Item> items;
  auto next = orders.begin();
  std::int64_t last_order = -1;
  OrderRow* order = nullptr;
  while (lines.step()) {
    std::int64_t id = lines.get_int(0);
    if (id != last_order) {
      if (order != nullptr) close_basket(items, *order);
      last_order = id;
      while (next != orders.end() && next->order_id < id) ++next;
      order = next != orders.end() && next->order_id == id ? &*next : nullptr;
      if (order != nullptr) order->first = static_cast<std::uint32_t>(items.size());
    }
    if (order == nullptr) continue;  // not a counted order before --now
    std::int64_t product = lines.get_int(1);
    auto known = catalog.index.find(product);
    items.push_back(known != catalog.index.end() ? known->second
                                                 : catalog.item_of(product, line_title(db, id, product)));
  }
  if (order != nullptr) close_basket(items, *order);
  return items;
}

// The purchases oldest first (ties by order id), orders without items left out. Built in that order
// so that the baskets lie in memory in the order every later pass reads them.
std::vector<Purchase> in_time_order(std::vector<OrderRow>& orders, const std::vector<Item>& items) {
  std::sort(orders.begin(), orders.end(),
            [](const OrderRow& a, const OrderRow& b) { return a.at != b.at ? a.at < b.at : a.order_id < b.order_id; });
  std::vector<Purchase> purchases;
  purchases.reserve(orders.size());
  constexpr size_t kAhead = 16;  // the baskets are read in random places: ask for them early
  for (size_t i = 0; i < orders.size(); ++i) {
    if (i + kAhead < orders.size()) __builtin_prefetch(items.data() + orders[i + kAhead].first);
    const auto& o = orders[i];
    if (o.first == o.last) continue;
    auto customer = o.customer_id == OrderRow::kGuest ? std::nullopt : std::optional(o.customer_id);
    purchases.push_back({o.order_id, customer, o.at, {items.begin() + o.first, items.begin() + o.last}});
  }
  return purchases;
}

}  // namespace

PurchaseData load_purchases(store::Db& db, Instant now) {
  PurchaseData data;
  load_catalog(db, data.catalog);
  auto orders = load_orders(db, now);
  auto items = load_lines(db, orders, data.catalog);
  data.purchases = in_time_order(orders, items);
  return data;
}

}  // namespace shopkeep::analytics::recommend
