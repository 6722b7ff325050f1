// catalog: what keeps active products from selling or being recommended.
#include "analytics/audit/audit.hpp"
#include "analytics/audit/query.hpp"
#include "analytics/restock/restock_plan.hpp"

namespace shopkeep::analytics::audit {

namespace {

constexpr const char* kActive = "p.status = 'ACTIVE' AND p.deleted_at IS NULL";

void per_product(const AuditContext& ctx, const std::string& condition, const std::string& message) {
  each_row(
      ctx,
      "SELECT p.id, p.title FROM products p WHERE " + std::string(kActive) + " AND " + condition + " ORDER BY p.id",
      nullptr,
      [&](store::Stmt& s) { ctx.add(subject("products", s.get_int(0)), "'" + s.get_text(1) + "' " + message); });
}

void per_variant(const AuditContext& ctx, const std::string& condition,
                 const std::function<std::string(store::Stmt&)>& message) {
  each_row(ctx,
           "SELECT v.id, p.title, v.title, v.price, v.compare_at_price, v.inventory_quantity, v.sku FROM variants v "
           "JOIN products p ON p.id = v.product_id WHERE " +
               std::string(kActive) + " AND v.deleted_at IS NULL AND " + condition + " ORDER BY v.id",
           nullptr, [&](store::Stmt& s) { ctx.add(subject("variants", s.get_int(0)), message(s)); });
}

std::string variant_name(store::Stmt& s) {
  std::string v = s.get_text(2);
  return "'" + s.get_text(1) + (v.empty() || v == "Default Title" ? "" : " / " + v) + "'";
}

void best_sellers_out_of_stock(const AuditContext& ctx) {
  auto top = static_cast<std::int64_t>(ctx.number("best_seller_top", 10));
  auto days = static_cast<std::int64_t>(ctx.number("best_seller_days", 90));
  each_row(
      ctx,
      // CROSS JOIN keeps the orders outside: otherwise SQLite walks every line by product and looks up
      // each one's order at random (1M orders: 16 s instead of 0.4 s).
      "WITH sold AS (SELECT l.product_id, sum(coalesce(l.current_quantity, l.quantity)) AS units "
      "  FROM counted_orders o CROSS JOIN order_lines l ON l.order_id = o.id WHERE o.ordered_at >= ?1 "
      "  AND l.product_id IS NOT NULL GROUP BY l.product_id ORDER BY units DESC LIMIT ?2) "
      "SELECT p.id, p.title, sold.units FROM sold JOIN products p ON p.id = sold.product_id WHERE " +
          std::string(kActive) +
          " AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.deleted_at IS NULL "
          "AND (v.inventory_quantity IS NULL OR v.inventory_quantity > 0)) ORDER BY sold.units DESC",
      [&](store::Stmt& s) { s.bind(1, format_rfc3339(ctx.now - std::chrono::days{days})).bind(2, top); },
      [&](store::Stmt& s) {
        ctx.add(subject("products", s.get_int(0)), "best seller '" + s.get_text(1) + "' (" +
                                                       std::to_string(s.get_int(2)) + " sold in " +
                                                       count_of(days, "day", "days") + ") is out of stock: restock it");
      });
}

// restock's forecast (docs/restock.md): an order placed today arrives too late for these.
void runs_out_within_lead_time(const AuditContext& ctx) {
  auto soon =
      restock::running_out_within_lead_time(ctx.db, ctx.shop, restock::load_restock_settings(ctx.config), ctx.now);
  if (soon.empty()) return;
  std::string names;
  for (size_t i = 0; i < soon.size() && i < 3; ++i)
    names += (i ? ", '" : "'") + soon[i].facts.title + "'" +
             (soon[i].stockout_date ? " (" + format_date(*soon[i].stockout_date) + ")" : "");
  if (soon.size() > 3) names += " and " + std::to_string(soon.size() - 3) + " more";
  ctx.add("shop", std::to_string(soon.size()) + (soon.size() == 1 ? " product runs" : " products run") +
                      " out within their lead time: " + names + "; see shopkeep restock");
}

}  // namespace

void add_catalog_checks(std::vector<Check>& c) {
  size_t first = c.size();
  c.push_back(
      {"catalog.no_images", "catalog", Severity::warn, "active products without images", [](const AuditContext& x) {
         per_product(x, "NOT EXISTS (SELECT 1 FROM media m WHERE m.product_id = p.id)",
                     "has no images: add at least one photo");
       }});
  c.push_back({"catalog.no_description", "catalog", Severity::warn, "active products without a description",
               [](const AuditContext& x) {
                 per_product(x, "(p.description_html IS NULL OR trim(p.description_html) = '')",
                             "has no description: write one");
               }});
  c.push_back({"catalog.no_seo", "catalog", Severity::info, "active products without SEO title or description",
               [](const AuditContext& x) {
                 per_product(x,
                             "(p.seo_title IS NULL OR trim(p.seo_title) = '' OR p.seo_description IS NULL OR "
                             "trim(p.seo_description) = '')",
                             "has no SEO title or description: set them for search results");
               }});
  c.push_back({"catalog.media_without_alt", "catalog", Severity::info, "product media without alt text",
               [](const AuditContext& x) {
                 each_row(x,
                          "SELECT m.id, p.title FROM media m JOIN products p ON p.id = m.product_id WHERE " +
                              std::string(kActive) + " AND (m.alt IS NULL OR trim(m.alt) = '') ORDER BY m.id",
                          nullptr, [&](store::Stmt& s) {
                            x.add(subject("media", s.get_int(0)),
                                  "an image of '" + s.get_text(1) +
                                      "' has no alt text: describe it for screen readers and search");
                          });
               }});
  c.push_back({"catalog.zero_price", "catalog", Severity::error, "variants with a zero or missing price",
               [](const AuditContext& x) {
                 per_variant(x, "(v.price IS NULL OR CAST(v.price AS REAL) = 0)", [](store::Stmt& s) {
                   return variant_name(s) + " has a zero or missing price: set the price or unpublish it";
                 });
               }});
  c.push_back({"catalog.compare_at_not_above", "catalog", Severity::warn, "compare-at price not above the price",
               [](const AuditContext& x) {
                 per_variant(
                     x, "v.compare_at_price IS NOT NULL AND CAST(v.compare_at_price AS REAL) <= CAST(v.price AS REAL)",
                     [](store::Stmt& s) {
                       return variant_name(s) + " has a compare-at price (" + s.get_text(4) +
                              ") not above its price (" + s.get_text(3) +
                              "): remove it or raise it, or the sale badge misleads";
                     });
               }});
  c.push_back({"catalog.negative_inventory", "catalog", Severity::warn, "variants with negative inventory",
               [](const AuditContext& x) {
                 per_variant(x, "v.inventory_quantity < 0", [](store::Stmt& s) {
                   return variant_name(s) + " has inventory " + std::to_string(s.get_int(5)) +
                          ": oversold; recount stock";
                 });
               }});
  c.push_back({"catalog.best_seller_out_of_stock", "catalog", Severity::error, "best sellers out of stock",
               best_sellers_out_of_stock});
  c.push_back({"catalog.runs_out_within_lead_time", "catalog", Severity::warn,
               "products that run out before a new order could arrive", runs_out_within_lead_time});
  c.push_back({"catalog.missing_sku", "catalog", Severity::info, "variants without a SKU", [](const AuditContext& x) {
                 per_variant(x, "(v.sku IS NULL OR trim(v.sku) = '')", [](store::Stmt& s) {
                   return variant_name(s) + " has no SKU: add one for fulfilment and stock counts";
                 });
               }});
  c.push_back(
      {"catalog.duplicate_sku", "catalog", Severity::warn, "SKUs shared by several variants",
       [](const AuditContext& x) {
         per_variant(
             x,
             "v.sku IS NOT NULL AND trim(v.sku) <> '' AND v.sku IN (SELECT sku FROM variants WHERE deleted_at IS NULL "
             "AND sku IS NOT NULL GROUP BY sku HAVING count(*) > 1)",
             [](store::Stmt& s) {
               return variant_name(s) + " shares SKU " + s.get_text(6) + " with another variant: make SKUs unique";
             });
       }});
  needs_rows(c, first, "products", "no products in the store");
}

}  // namespace shopkeep::analytics::audit
