#pragma once
// The unified profile behind `customer show`: one person across Shopify and Zendesk, found by email
// (normalised, through the `people` view) or by Shopify customer id, with what an owner needs before
// calling them back: contact details, last orders, open tickets.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics {

struct OrderSummary {
  std::int64_t id = 0;
  std::string name, ordered_at;
  std::optional<std::string> total_price, financial_status, fulfillment_status;
};

struct TicketSummary {
  std::int64_t id = 0;
  std::optional<std::string> subject, status, priority, created_at;
};

struct CustomerProfile {
  std::optional<std::int64_t> customer_id, zendesk_user_id;
  std::optional<std::string> email, name, phone, country_code, customer_since, email_marketing_state;
  std::vector<std::string> tags;
  std::int64_t orders = 0, spend = 0;  // spend in minor units
  std::optional<std::string> first_order_at, last_order_at;
  std::int64_t abandoned_checkouts = 0;
  std::vector<OrderSummary> last_orders;  // newest first, at most 5
  std::int64_t tickets = 0, open_tickets = 0;
  std::optional<std::string> last_ticket_at;
  std::vector<TicketSummary> open_ticket_list;  // newest first
  std::int64_t csat_good = 0, csat_bad = 0;
};

// `who` is an email or a Shopify customer id. Runtime error (exit 1) when nobody matches; for someone
// who asked to be forgotten it says so, and when.
CustomerProfile customer_profile(store::Db& db, const std::string& who, const store::ShopSettings& shop);

// cli.md `customer show --json` (scores are added by the caller where they exist).
nlohmann::ordered_json to_json(const CustomerProfile& profile, const store::ShopSettings& shop);

}  // namespace shopkeep::analytics
