#include "analytics/recommend/purchases.hpp"

#include <algorithm>
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

struct OrderSlot {
  std::int64_t order_id;
  size_t purchase;
};

// The orders, then their lines, each in one scan of a covering index (store v5), merged by order id
// (the lines come in order id order): two sequential reads of small b-trees instead of a lookup per
// order into rows that carry their raw JSON.
std::vector<OrderSlot> load_orders(store::Db& db, Instant now, std::vector<Purchase>& out) {
  store::Stmt orders(db, "SELECT id, customer_id, ordered_at FROM counted_orders WHERE ordered_at < ?1");
  orders.bind(1, format_rfc3339(now));
  std::vector<OrderSlot> slots;
  while (orders.step()) {
    auto at = order_time(orders.get_text(2));
    if (!at) continue;  // an unreadable date cannot be placed before --now
    slots.push_back({orders.get_int(0), out.size()});
    out.push_back({orders.get_int(0), orders.get_opt_int(1), *at, {}});
  }
  std::sort(slots.begin(), slots.end(), [](const OrderSlot& a, const OrderSlot& b) { return a.order_id < b.order_id; });
  return slots;
}

// The title a product had on a line, for a product the catalog does not have (deleted, or orders
// imported without their products): looked up once per such product.
std::string line_title(store::Db& db, std::int64_t order, std::int64_t product) {
  store::Stmt title(db, "SELECT coalesce(title, '') FROM order_lines WHERE order_id = ?1 AND product_id = ?2 LIMIT 1");
  title.bind(1, order);
  title.bind(2, product);
  return title.step() ? title.get_text(0) : std::string();
}

void load_lines(store::Db& db, const std::vector<OrderSlot>& slots, Catalog& catalog,
                std::vector<Purchase>& purchases) {
  // Units sold: the line's current quantity (refunded and removed units excluded); a line without
  // any quantity is taken as bought.
  store::Stmt lines(db,
                    "SELECT order_id, product_id FROM order_lines WHERE product_id IS NOT NULL "
                    "AND coalesce(current_quantity, quantity, 1) > 0 ORDER BY order_id");
  auto next = slots.begin();
  std::int64_t last_order = -1;
  Purchase* purchase = nullptr;
  while (lines.step()) {
    std::int64_t order = lines.get_int(0);
    if (order != last_order) {
      last_order = order;
      while (next != slots.end() && next->order_id < order) ++next;
      purchase = next != slots.end() && next->order_id == order ? &purchases[next->purchase] : nullptr;
    }
    if (purchase == nullptr) continue;  // not a counted order before --now
    std::int64_t product = lines.get_int(1);
    auto known = catalog.index.find(product);
    Item item = known != catalog.index.end() ? known->second : catalog.item_of(product, line_title(db, order, product));
    purchase->items.push_back(item);
  }
}

}  // namespace

PurchaseData load_purchases(store::Db& db, Instant now) {
  PurchaseData data;
  load_catalog(db, data.catalog);
  auto slot = load_orders(db, now, data.purchases);
  load_lines(db, slot, data.catalog, data.purchases);
  for (auto& p : data.purchases) {
    std::sort(p.items.begin(), p.items.end());
    p.items.erase(std::unique(p.items.begin(), p.items.end()), p.items.end());
  }
  std::erase_if(data.purchases, [](const Purchase& p) { return p.items.empty(); });
  std::sort(data.purchases.begin(), data.purchases.end(),
            [](const Purchase& a, const Purchase& b) { return a.at != b.at ? a.at < b.at : a.order_id < b.order_id; });
  return data;
}

}  // namespace shopkeep::analytics::recommend
