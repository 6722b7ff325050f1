#include "shopify/sync_queries.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "shopify/query_cost.hpp"

namespace shopkeep::shopify {

namespace {

const std::string kMoney = "{ shopMoney { amount currencyCode } }";

std::string connection_fields(const NestedConnection& n, int first) {
  return n.field + "(first: " + std::to_string(first) + ") { pageInfo { hasNextPage endCursor } nodes { " +
         n.selection + " } }";
}

void erase_all(std::string& text, const std::string& fragment) {
  for (size_t at; !fragment.empty() && (at = text.find(fragment)) != std::string::npos;) text.erase(at, fragment.size());
}

bool has(const std::vector<std::string>& scopes, const std::string& scope) {
  // write_X implies read_X, as Shopify grants it.
  std::string write = scope.rfind("read_", 0) == 0 ? "write_" + scope.substr(5) : scope;
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end() ||
         std::find(scopes.begin(), scopes.end(), write) != scopes.end();
}

std::string visit() {
  return "{ source sourceType referrerUrl landingPage utmParameters { source medium campaign } }";
}

}  // namespace

std::string ResourceQuery::page_query(int nested_first) const {
  std::string fields = node_fields;
  for (const auto& l : lists)
    fields += " " + l.field + "(first: " + std::to_string(l.page_first) + ") { " + l.selection + " }";
  for (const auto& n : nested) fields += " " + connection_fields(n, nested_first);
  std::string sort = sorted_by_updated_at ? ", sortKey: UPDATED_AT" : "";
  return "query SyncPage($first: Int!, $after: String, $query: String) { " + connection +
         "(first: $first, after: $after, query: $query" + sort + ") { pageInfo { hasNextPage endCursor } nodes { " +
         fields + " } } }";
}

std::string ResourceQuery::nested_query(size_t i) const {
  const auto& n = nested[i];
  return "query SyncNested($id: ID!, $first: Int!, $after: String) { node(id: $id) { ... on " + n.node_type + " { " +
         n.field + "(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { " + n.selection +
         " } } } } }";
}

std::string ResourceQuery::list_query(size_t i) const {
  const auto& l = lists[i];
  return "query SyncList($id: ID!) { node(id: $id) { ... on " + l.node_type + " { " + l.field +
         "(first: " + std::to_string(l.full_first) + ") { " + l.selection + " } } } }";
}

ResourceQuery ResourceQuery::for_scopes(const std::vector<std::string>& granted) const {
  ResourceQuery q = *this;
  if (granted.empty()) return q;
  for (const auto& f : scoped_fields) {
    if (has(granted, f.scope)) continue;
    erase_all(q.node_fields, f.fragment);
    for (auto& n : q.nested) erase_all(n.selection, f.fragment);
  }
  return q;
}

double page_cost(const ResourceQuery& q, int first, int nested_first) {
  return requested_cost(q.page_query(nested_first), nlohmann::json{{"first", first}});
}

int fitting_page_size(const ResourceQuery& q, int nested_first, double max_cost) {
  // A connection costs 2 plus n times one node.
  double node = page_cost(q, 1, nested_first) - 2;
  if (node <= 0) return q.page_size;
  return std::clamp(static_cast<int>((max_cost - 2) / node), 1, q.page_size);
}

const std::vector<ResourceQuery>& resource_queries() {
  static const std::vector<ResourceQuery> all = {
      {.name = "customers",
       .connection = "customers",
       .node_fields =
           "id firstName lastName createdAt updatedAt numberOfOrders amountSpent { amount currencyCode } tags locale "
           "defaultEmailAddress { emailAddress marketingState marketingOptInLevel marketingUpdatedAt } "
           "defaultPhoneNumber { phoneNumber } defaultAddress { countryCodeV2 provinceCode city zip }",
       .nested = {},
       .sorted_by_updated_at = true,
       .page_size = 250,
       .nested_page_size = 0,
       .lists = {},
       .required_scopes = {"read_customers"},
       .scoped_fields = {},
       .date_filter = true},
      {.name = "products",
       .connection = "products",
       .node_fields = "id title handle status vendor productType tags createdAt updatedAt publishedAt descriptionHtml "
                      "seo { title description } onlineStoreUrl totalInventory",
       .nested = {{"variants", "Product",
                   "id title sku barcode price compareAtPrice inventoryQuantity inventoryItem { unitCost { amount "
                   "currencyCode } }"},
                  {"media", "Product", "id alt mediaContentType"}},
       .sorted_by_updated_at = true,
       .page_size = 50,
       .nested_page_size = 20,
       .lists = {},
       .required_scopes = {"read_products"},
       .scoped_fields = {{"read_inventory", " inventoryItem { unitCost { amount currencyCode } }",
                          "unit costs (inventoryItem.unitCost)"}}},
      {.name = "orders",
       .connection = "orders",
       .node_fields = "id name email createdAt updatedAt processedAt cancelledAt closedAt test currencyCode "
                      "displayFinancialStatus displayFulfillmentStatus customer { id } discountCodes tags sourceName "
                      "totalPriceSet " +
                      kMoney + " subtotalPriceSet " + kMoney + " totalDiscountsSet " + kMoney +
                      " cartDiscountAmountSet " + kMoney + " totalTaxSet " + kMoney + " totalShippingPriceSet " +
                      kMoney + " totalRefundedSet " + kMoney + " totalRefundedShippingSet " + kMoney +
                      " customerJourneySummary { daysToConversion firstVisit " + visit() + " lastVisit " + visit() +
                      " }",
       .nested = {{"lineItems", "Order",
                   "id name sku quantity currentQuantity variant { id } product { id } originalUnitPriceSet " + kMoney +
                       " discountedTotalSet(withCodeDiscounts: true) " + kMoney}},
       .sorted_by_updated_at = true,
       .page_size = 50,
       .nested_page_size = 10,
       .lists = {{"refunds", "Order", "id createdAt processedAt totalRefundedSet " + kMoney, 5, 250}},
       .required_scopes = {"read_orders"},
       .scoped_fields = {}},
      {.name = "checkouts",
       .connection = "abandonedCheckouts",
       .node_fields = "id name createdAt updatedAt completedAt abandonedCheckoutUrl customer { id defaultEmailAddress "
                      "{ emailAddress } } discountCodes totalPriceSet " +
                      kMoney + " subtotalPriceSet " + kMoney,
       .nested = {{"lineItems", "AbandonedCheckout",
                   "id title variantTitle sku quantity variant { id } product { id } originalUnitPriceSet " + kMoney +
                       " discountedTotalPriceSet " + kMoney + " discountedTotalPriceWithCodeDiscount " + kMoney}},
       .sorted_by_updated_at = false,
       .page_size = 50,
       .nested_page_size = 10,
       .lists = {},
       .required_scopes = {"read_orders"},
       .scoped_fields = {}},
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

std::string access_scopes_query() { return "query SyncScopes { currentAppInstallation { accessScopes { handle } } }"; }

}  // namespace shopkeep::shopify
