#include "shopify/sync_queries.hpp"

namespace shopkeep::shopify {

namespace {

const std::string kMoney = "{ shopMoney { amount currencyCode } }";

std::string connection_fields(const NestedConnection& n, int first) {
  return n.field + "(first: " + std::to_string(first) + ") { pageInfo { hasNextPage endCursor } nodes { " +
         n.selection + " } }";
}

}  // namespace

std::string ResourceQuery::page_query() const {
  std::string nested_fields;
  for (const auto& n : nested) nested_fields += " " + connection_fields(n, nested_page_size);
  std::string sort = sorted_by_updated_at ? ", sortKey: UPDATED_AT" : "";
  return "query SyncPage($first: Int!, $after: String, $query: String) { " + connection +
         "(first: $first, after: $after, query: $query" + sort + ") { pageInfo { hasNextPage endCursor } nodes { " +
         node_fields + nested_fields + " } } }";
}

std::string ResourceQuery::nested_query(size_t i) const {
  const auto& n = nested[i];
  return "query SyncNested($id: ID!, $first: Int!, $after: String) { node(id: $id) { ... on " + n.node_type + " { " +
         n.field + "(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { " + n.selection +
         " } } } } }";
}

double ResourceQuery::page_cost() const {
  // Shopify's requested cost: a connection costs 2 plus its `first` times its nodes' cost; an
  // object costs 1. A rough upper bound is enough to wait for the bucket.
  double per_node = 1;
  for (size_t i = 0; i < nested.size(); ++i) per_node += 2 + nested_page_size;
  return 2 + page_size * per_node;
}

const std::vector<ResourceQuery>& resource_queries() {
  static const std::vector<ResourceQuery> all = {
      {"customers",
       "customers",
       "id firstName lastName createdAt updatedAt numberOfOrders amountSpent { amount currencyCode } tags locale "
       "defaultEmailAddress { emailAddress marketingState marketingOptInLevel marketingUpdatedAt } "
       "defaultPhoneNumber { phoneNumber } defaultAddress { countryCodeV2 provinceCode city zip }",
       {},
       true,
       100,
       0},
      {"products",
       "products",
       "id title handle status vendor productType tags createdAt updatedAt publishedAt descriptionHtml "
       "seo { title description } onlineStoreUrl totalInventory",
       {{"variants", "Product",
         "id title sku barcode price compareAtPrice inventoryQuantity inventoryItem { unitCost { amount currencyCode } "
         "}"},
        {"media", "Product", "id alt mediaContentType"}},
       true,
       20,
       20},
      {"orders",
       "orders",
       "id name email createdAt updatedAt processedAt cancelledAt closedAt test currencyCode displayFinancialStatus "
       "displayFulfillmentStatus customer { id } discountCodes tags sourceName totalPriceSet " +
           kMoney + " subtotalPriceSet " + kMoney + " totalDiscountsSet " + kMoney + " totalTaxSet " + kMoney +
           " totalShippingPriceSet " + kMoney + " totalRefundedSet " + kMoney,
       {{"lineItems", "Order",
         "id name sku quantity currentQuantity variant { id } product { id } originalUnitPriceSet " + kMoney + " discountedTotalSet " +
             kMoney}},
       true,
       25,
       20},
      {"checkouts",
       "abandonedCheckouts",
       "id name createdAt updatedAt completedAt abandonedCheckoutUrl customer { id defaultEmailAddress { emailAddress "
       "} } "
       "discountCodes totalPriceSet " +
           kMoney + " subtotalPriceSet " + kMoney,
       {{"lineItems", "AbandonedCheckout",
         "id title variantTitle sku quantity variant { id } product { id } originalUnitPriceSet " + kMoney +
             " discountedTotalPriceSet " + kMoney}},
       false,
       25,
       20},
  };
  return all;
}

const ResourceQuery* find_resource(const std::string& name) {
  for (const auto& r : resource_queries())
    if (r.name == name) return &r;
  return nullptr;
}

std::string shop_query() {
  return "query SyncShop { shop { id name email ianaTimezone currencyCode myshopifyDomain } }";
}

}  // namespace shopkeep::shopify
