#include "analytics/recommend/purchases.hpp"

#include <algorithm>

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

PurchaseData load_purchases(store::Db& db, Instant now) {
  PurchaseData data;
  Catalog& catalog = data.catalog;
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
  store::Stmt lines(
      db,
      "SELECT o.id, o.customer_id, coalesce(o.processed_at, o.created_at) AS at, l.product_id, coalesce(l.title, '') "
      "FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.test = 0 AND o.cancelled_at IS NULL "
      "AND o.deleted_at IS NULL AND l.product_id IS NOT NULL AND at < ?1 ORDER BY o.id");
  lines.bind(1, format_rfc3339(now));
  while (lines.step()) {
    std::int64_t order = lines.get_int(0);
    if (data.purchases.empty() || data.purchases.back().order_id != order) {
      auto at = parse_rfc3339(lines.get_text(2));
      data.purchases.push_back({order, lines.get_opt_int(1), at.value_or(now), {}});
    }
    data.purchases.back().items.push_back(catalog.item_of(lines.get_int(3), lines.get_text(4)));
  }
  // Sorted here rather than in SQL: the join then streams in order id order with no temp B-tree.
  std::sort(data.purchases.begin(), data.purchases.end(),
            [](const Purchase& a, const Purchase& b) { return a.at != b.at ? a.at < b.at : a.order_id < b.order_id; });
  for (auto& p : data.purchases) {
    std::sort(p.items.begin(), p.items.end());
    p.items.erase(std::unique(p.items.begin(), p.items.end()), p.items.end());
  }
  return data;
}

}  // namespace shopkeep::analytics::recommend
