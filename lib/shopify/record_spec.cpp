#include "shopify/record_spec.hpp"

#include <algorithm>
#include <array>

#include "shopify/gid.hpp"

namespace shopkeep::shopify {

namespace {

using K = store::FieldKind;

constexpr store::Column kShop[] = {
    {"name", "/name", K::text},
    {"email", "/email", K::text},
    {"timezone", "/ianaTimezone", K::text},
    {"currency", "/currencyCode", K::text},
    {"myshopify_domain", "/myshopifyDomain", K::text},
};

// New API shape first (defaultEmailAddress, 2024+), then the older one (email, emailMarketingConsent).
constexpr store::Column kCustomers[] = {
    {"email", "/defaultEmailAddress/emailAddress|/email", K::text},
    {"first_name", "/firstName", K::text},
    {"last_name", "/lastName", K::text},
    {"phone", "/defaultPhoneNumber/phoneNumber|/phone", K::text},
    {"locale", "/locale", K::text},
    {"tags", "/tags", K::json},
    {"number_of_orders", "/numberOfOrders|/ordersCount", K::integer},  // ordersCount: before 2025-01
    {"amount_spent", "/amountSpent/amount", K::money},
    {"amount_spent_currency", "/amountSpent/currencyCode", K::text},
    {"email_marketing_state", "/defaultEmailAddress/marketingState|/emailMarketingConsent/marketingState", K::text},
    {"email_marketing_opt_in_level",
     "/defaultEmailAddress/marketingOptInLevel|/emailMarketingConsent/marketingOptInLevel", K::text},
    {"email_marketing_updated_at", "/defaultEmailAddress/marketingUpdatedAt|/emailMarketingConsent/consentUpdatedAt",
     K::time},
    {"country_code", "/defaultAddress/countryCodeV2|/defaultAddress/countryCode", K::text},
    {"province_code", "/defaultAddress/provinceCode", K::text},
    {"city", "/defaultAddress/city", K::text},
    {"zip", "/defaultAddress/zip", K::text},
    {"created_at", "/createdAt", K::time},
    {"updated_at", "/updatedAt", K::time},
};

constexpr store::Column kOrders[] = {
    {"name", "/name", K::text},
    {"customer_id", "/customer/id", K::reference},
    {"email", "/email|/customer/defaultEmailAddress/emailAddress", K::text},
    {"created_at", "/createdAt", K::time},
    {"updated_at", "/updatedAt", K::time},
    {"processed_at", "/processedAt", K::time},
    {"cancelled_at", "/cancelledAt", K::time},
    {"closed_at", "/closedAt", K::time},
    {"test", "/test", K::boolean, {}, "coalesce(?, 0)"},  // NULL or missing: not a test order
    {"currency", "/currencyCode|/totalPriceSet/shopMoney/currencyCode", K::text},
    {"financial_status", "/displayFinancialStatus", K::text},
    {"fulfillment_status", "/displayFulfillmentStatus", K::text},
    {"source_name", "/sourceName", K::text},
    {"tags", "/tags", K::json},
    {"discount_codes", "/discountCodes", K::json},
    {"total_price", "/totalPriceSet/shopMoney/amount", K::money},
    {"subtotal_price", "/subtotalPriceSet/shopMoney/amount", K::money},
    {"total_discounts", "/totalDiscountsSet/shopMoney/amount", K::money},
    {"total_tax", "/totalTaxSet/shopMoney/amount", K::money},
    {"total_shipping", "/totalShippingPriceSet/shopMoney/amount", K::money},
    {"total_refunded", "/totalRefundedSet/shopMoney/amount", K::money},
    // Store v6: what Shopify's sales report needs, and where the order came from.
    {"cart_discount_amount", "/cartDiscountAmountSet/shopMoney/amount", K::money},
    {"total_refunded_shipping", "/totalRefundedShippingSet/shopMoney/amount", K::money},
    {"first_visit_source", "/customerJourneySummary/firstVisit/source", K::text},
    {"first_visit_source_type", "/customerJourneySummary/firstVisit/sourceType", K::text},
    {"first_visit_utm_source", "/customerJourneySummary/firstVisit/utmParameters/source", K::text},
    {"first_visit_utm_medium", "/customerJourneySummary/firstVisit/utmParameters/medium", K::text},
    {"first_visit_utm_campaign", "/customerJourneySummary/firstVisit/utmParameters/campaign", K::text},
    {"first_visit_landing_page", "/customerJourneySummary/firstVisit/landingPage", K::text},
    {"first_visit_referrer_url", "/customerJourneySummary/firstVisit/referrerUrl", K::text},
    {"last_visit_source", "/customerJourneySummary/lastVisit/source", K::text},
    {"last_visit_source_type", "/customerJourneySummary/lastVisit/sourceType", K::text},
    {"last_visit_utm_source", "/customerJourneySummary/lastVisit/utmParameters/source", K::text},
    {"last_visit_utm_medium", "/customerJourneySummary/lastVisit/utmParameters/medium", K::text},
    {"last_visit_utm_campaign", "/customerJourneySummary/lastVisit/utmParameters/campaign", K::text},
    {"last_visit_landing_page", "/customerJourneySummary/lastVisit/landingPage", K::text},
    {"last_visit_referrer_url", "/customerJourneySummary/lastVisit/referrerUrl", K::text},
    {"days_to_conversion", "/customerJourneySummary/daysToConversion", K::integer},
};

// An order's refunds: inline in the order (a list, not a connection), or lines of type Refund with
// __parentId; replaced with their order as a set.
constexpr store::Column kRefunds[] = {
    {"created_at", "/createdAt|/processedAt", K::time},
    {"processed_at", "/processedAt", K::time},
    {"amount", "/totalRefundedSet/shopMoney/amount", K::money},
    {"currency", "/totalRefundedSet/shopMoney/currencyCode", K::text},
};

constexpr store::Column kOrderLines[] = {
    {"product_id", "/product/id", K::reference},
    {"variant_id", "/variant/id", K::reference},
    {"sku", "/sku", K::text},
    {"title", "/name|/title", K::text},
    {"quantity", "/quantity", K::quantity},
    {"current_quantity", "/currentQuantity", K::quantity},
    {"unit_price", "/originalUnitPriceSet/shopMoney/amount", K::money},
    {"discounted_total", "/discountedTotalSet/shopMoney/amount", K::money},
    {"currency", "/originalUnitPriceSet/shopMoney/currencyCode", K::text},
};

constexpr store::Column kProducts[] = {
    {"title", "/title", K::text},
    {"handle", "/handle", K::text},
    {"status", "/status", K::text},
    {"vendor", "/vendor", K::text},
    {"product_type", "/productType", K::text},
    {"tags", "/tags", K::json},
    {"created_at", "/createdAt", K::time},
    {"updated_at", "/updatedAt", K::time},
    {"published_at", "/publishedAt", K::time},
    {"description_html", "/descriptionHtml", K::text},
    {"seo_title", "/seo/title", K::text},
    {"seo_description", "/seo/description", K::text},
    {"online_store_url", "/onlineStoreUrl", K::text},
    {"total_inventory", "/totalInventory", K::integer},
};

constexpr store::Column kVariants[] = {
    {"title", "/title", K::text},
    {"sku", "/sku", K::text},
    {"barcode", "/barcode", K::text},
    {"price", "/price", K::money},
    {"compare_at_price", "/compareAtPrice", K::money},
    {"inventory_quantity", "/inventoryQuantity", K::integer},
    {"unit_cost", "/inventoryItem/unitCost/amount", K::money},
    {"unit_cost_currency", "/inventoryItem/unitCost/currencyCode", K::text},
};

constexpr store::Column kMedia[] = {
    {"media_type", "/mediaContentType", K::text},
    {"alt", "/alt", K::text},
};

constexpr store::Column kCheckouts[] = {
    {"name", "/name", K::text},
    {"customer_id", "/customer/id", K::reference},
    {"email", "/customer/defaultEmailAddress/emailAddress|/customer/email", K::text},
    {"created_at", "/createdAt", K::time},
    {"updated_at", "/updatedAt", K::time},
    {"completed_at", "/completedAt", K::time},
    {"recovery_url", "/abandonedCheckoutUrl", K::text},
    {"discount_codes", "/discountCodes", K::json},
    {"total_price", "/totalPriceSet/shopMoney/amount", K::money},
    {"subtotal_price", "/subtotalPriceSet/shopMoney/amount", K::money},
    {"currency", "/totalPriceSet/shopMoney/currencyCode", K::text},
};

constexpr store::Column kCheckoutLines[] = {
    {"product_id", "/product/id", K::reference},
    {"variant_id", "/variant/id", K::reference},
    {"sku", "/sku", K::text},
    {"title", "/title", K::text},
    {"variant_title", "/variantTitle", K::text},
    {"quantity", "/quantity", K::quantity},
    {"unit_price", "/originalUnitPriceSet/shopMoney/amount", K::money},
    // After every line-level discount, code-based ones included (discountedTotalPriceWithCodeDiscount);
    // older data has only discountedTotalPriceSet, which leaves code discounts out.
    {"discounted_total",
     "/discountedTotalPriceWithCodeDiscount/shopMoney/amount|/discountedTotalPriceSet/shopMoney/amount", K::money},
};

std::optional<std::int64_t> gid_number(std::string_view text) {
  auto gid = parse_gid(text);
  return gid ? gid->number : std::nullopt;
}

// Roots are versioned by updatedAt; children are replaced with their parent as a set.
constexpr store::UpsertTable root(std::string_view name, std::span<const store::Column> columns, bool versioned,
                                  bool has_deleted_at) {
  return {name, columns, versioned, has_deleted_at, {}, gid_number};
}
constexpr store::UpsertTable child(std::string_view name, std::span<const store::Column> columns, bool has_deleted_at,
                                   std::string_view parent_column) {
  return {name, columns, false, has_deleted_at, parent_column, gid_number};
}

const TableSpec kSpecs[] = {
    {Table::shop, root("shop", kShop, false, false), false, Table::shop},
    {Table::customers, root("customers", kCustomers, true, true), false, Table::customers},
    {Table::orders, root("orders", kOrders, true, true), false, Table::orders},
    {Table::order_lines, child("order_lines", kOrderLines, false, "order_id"), false, Table::orders},
    {Table::products, root("products", kProducts, true, true), false, Table::products},
    {Table::variants, child("variants", kVariants, true, "product_id"), false, Table::products},
    {Table::media, child("media", kMedia, true, "product_id"), false, Table::products},
    {Table::checkouts, root("checkouts", kCheckouts, true, true), false, Table::checkouts},
    {Table::checkout_lines, child("checkout_lines", kCheckoutLines, false, "checkout_id"), true, Table::checkouts},
    {Table::refunds, child("refunds", kRefunds, false, "order_id"), false, Table::orders},
};

constexpr Table kOrderChildren[] = {Table::order_lines, Table::refunds};
constexpr Table kProductChildren[] = {Table::variants, Table::media};
constexpr Table kCheckoutChildren[] = {Table::checkout_lines};

}  // namespace

const TableSpec& spec_of(Table table) { return kSpecs[static_cast<int>(table)]; }

const TableSpec* root_spec(std::string_view type) {
  if (type == "Shop") return &spec_of(Table::shop);
  if (type == "Customer") return &spec_of(Table::customers);
  if (type == "Order") return &spec_of(Table::orders);
  if (type == "Product") return &spec_of(Table::products);
  if (type == "AbandonedCheckout") return &spec_of(Table::checkouts);
  return nullptr;
}

const TableSpec* child_spec(Table parent, std::string_view type) {
  switch (parent) {
    case Table::orders:
      if (type == "LineItem") return &spec_of(Table::order_lines);
      if (type == "Refund") return &spec_of(Table::refunds);
      break;
    case Table::products:
      if (type == "ProductVariant") return &spec_of(Table::variants);
      if (type == "MediaImage" || type == "Video" || type == "ExternalVideo" || type == "Model3d")
        return &spec_of(Table::media);
      break;
    case Table::checkouts:
      if (type == "AbandonedCheckoutLineItem") return &spec_of(Table::checkout_lines);
      break;
    default: break;
  }
  return nullptr;
}

std::span<const Table> children_of(Table parent) {
  switch (parent) {
    case Table::orders: return kOrderChildren;
    case Table::products: return kProductChildren;
    case Table::checkouts: return kCheckoutChildren;
    default: return {};
  }
}

std::vector<std::string> record_tables() {
  std::vector<std::string> names;
  for (int t = 0; t <= static_cast<int>(Table::refunds); ++t) {
    std::string name(spec_of(static_cast<Table>(t)).upsert.name);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

}  // namespace shopkeep::shopify
