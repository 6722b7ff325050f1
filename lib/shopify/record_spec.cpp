#include "shopify/record_spec.hpp"

#include <array>

namespace shopkeep::shopify {

namespace {

using K = FieldKind;

constexpr FieldSpec kShop[] = {
    {"name", "/name", K::text},
    {"email", "/email", K::text},
    {"timezone", "/ianaTimezone", K::text},
    {"currency", "/currencyCode", K::text},
    {"myshopify_domain", "/myshopifyDomain", K::text},
};

// New API shape first (defaultEmailAddress, 2024+), then the older one (email, emailMarketingConsent).
constexpr FieldSpec kCustomers[] = {
    {"email", "/defaultEmailAddress/emailAddress|/email", K::text},
    {"first_name", "/firstName", K::text},
    {"last_name", "/lastName", K::text},
    {"phone", "/defaultPhoneNumber/phoneNumber|/phone", K::text},
    {"locale", "/locale", K::text},
    {"tags", "/tags", K::json},
    {"number_of_orders", "/numberOfOrders|/ordersCount", K::integer},
    {"amount_spent", "/amountSpent/amount", K::text},
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

constexpr FieldSpec kOrders[] = {
    {"name", "/name", K::text},
    {"customer_id", "/customer/id", K::gid_number},
    {"email", "/email|/customer/defaultEmailAddress/emailAddress", K::text},
    {"created_at", "/createdAt", K::time},
    {"updated_at", "/updatedAt", K::time},
    {"processed_at", "/processedAt", K::time},
    {"cancelled_at", "/cancelledAt", K::time},
    {"closed_at", "/closedAt", K::time},
    {"test", "/test", K::boolean},
    {"currency", "/currencyCode|/totalPriceSet/shopMoney/currencyCode", K::text},
    {"financial_status", "/displayFinancialStatus", K::text},
    {"fulfillment_status", "/displayFulfillmentStatus", K::text},
    {"source_name", "/sourceName", K::text},
    {"tags", "/tags", K::json},
    {"discount_codes", "/discountCodes", K::json},
    {"total_price", "/totalPriceSet/shopMoney/amount", K::text},
    {"subtotal_price", "/subtotalPriceSet/shopMoney/amount", K::text},
    {"total_discounts", "/totalDiscountsSet/shopMoney/amount", K::text},
    {"total_tax", "/totalTaxSet/shopMoney/amount", K::text},
    {"total_shipping", "/totalShippingPriceSet/shopMoney/amount", K::text},
    {"total_refunded", "/totalRefundedSet/shopMoney/amount", K::text},
};

constexpr FieldSpec kOrderLines[] = {
    {"product_id", "/product/id", K::gid_number},
    {"variant_id", "/variant/id", K::gid_number},
    {"sku", "/sku", K::text},
    {"title", "/name|/title", K::text},
    {"quantity", "/quantity", K::integer},
    {"current_quantity", "/currentQuantity", K::integer},
    {"unit_price", "/originalUnitPriceSet/shopMoney/amount", K::text},
    {"discounted_total", "/discountedTotalSet/shopMoney/amount", K::text},
    {"currency", "/originalUnitPriceSet/shopMoney/currencyCode", K::text},
};

constexpr FieldSpec kProducts[] = {
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

constexpr FieldSpec kVariants[] = {
    {"title", "/title", K::text},
    {"sku", "/sku", K::text},
    {"barcode", "/barcode", K::text},
    {"price", "/price/amount|/price", K::text},
    {"compare_at_price", "/compareAtPrice/amount|/compareAtPrice", K::text},
    {"inventory_quantity", "/inventoryQuantity", K::integer},
    {"unit_cost", "/inventoryItem/unitCost/amount", K::text},
    {"unit_cost_currency", "/inventoryItem/unitCost/currencyCode", K::text},
};

constexpr FieldSpec kMedia[] = {
    {"media_type", "/mediaContentType", K::text},
    {"alt", "/alt", K::text},
};

constexpr FieldSpec kCheckouts[] = {
    {"name", "/name", K::text},
    {"customer_id", "/customer/id", K::gid_number},
    {"email", "/customer/defaultEmailAddress/emailAddress|/customer/email|/email", K::text},
    {"created_at", "/createdAt", K::time},
    {"updated_at", "/updatedAt", K::time},
    {"completed_at", "/completedAt", K::time},
    {"recovery_url", "/abandonedCheckoutUrl", K::text},
    {"discount_codes", "/discountCodes", K::json},
    {"total_price", "/totalPriceSet/shopMoney/amount", K::text},
    {"subtotal_price", "/subtotalPriceSet/shopMoney/amount", K::text},
    {"currency", "/totalPriceSet/shopMoney/currencyCode", K::text},
};

constexpr FieldSpec kCheckoutLines[] = {
    {"product_id", "/product/id", K::gid_number},
    {"variant_id", "/variant/id", K::gid_number},
    {"sku", "/sku", K::text},
    {"title", "/title", K::text},
    {"variant_title", "/variantTitle", K::text},
    {"quantity", "/quantity", K::integer},
    {"unit_price", "/originalUnitPriceSet/shopMoney/amount", K::text},
    {"discounted_total", "/discountedTotalPriceSet/shopMoney/amount", K::text},
};

constexpr TableSpec kSpecs[] = {
    {Table::shop, "shop", kShop, false, false, false, {}, Table::shop},
    {Table::customers, "customers", kCustomers, true, true, false, {}, Table::customers},
    {Table::orders, "orders", kOrders, true, true, false, {}, Table::orders},
    {Table::order_lines, "order_lines", kOrderLines, false, false, false, "order_id", Table::orders},
    {Table::products, "products", kProducts, true, true, false, {}, Table::products},
    {Table::variants, "variants", kVariants, false, true, false, "product_id", Table::products},
    {Table::media, "media", kMedia, false, false, false, "product_id", Table::products},
    {Table::checkouts, "checkouts", kCheckouts, true, true, false, {}, Table::checkouts},
    {Table::checkout_lines, "checkout_lines", kCheckoutLines, false, false, true, "checkout_id", Table::checkouts},
};

constexpr Table kOrderChildren[] = {Table::order_lines};
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

}  // namespace shopkeep::shopify
