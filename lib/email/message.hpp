#pragma once
// Everything one campaign message says, as plain data gathered from the store before rendering
// (so rendering needs no store and can run on several threads). The template context of
// docs/email.md is made from it (email/context.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/campaigns/incentive.hpp"

namespace shopkeep::email {

// A product line of the message: a cart line, a refill, a recommendation.
struct ItemView {
  std::int64_t product_id = 0;
  std::string title;
  std::string variant;  // variant title, empty when none
  std::int64_t quantity = 1;
  std::string unit_price;   // formatted in the shop currency ("€20.00")
  std::string price;        // unit price x quantity (cart and order lines), else the unit price
  std::string image_url;    // https only; empty when unknown
  std::string product_url;  // https only; empty when unknown
  std::string reason;       // why it is recommended or due
};

struct MessageInput {
  std::string campaign;
  std::string target_key, subject_key;  // what it is about; email_log's key
  std::optional<std::int64_t> customer_id;
  std::string email;       // the recipient, normalised
  std::string first_name;  // as stored; the template context falls back when empty
  int step = 1;
  std::string planned_at;
  std::vector<ItemView> items;            // the cart, the refills due, the first order
  std::vector<ItemView> recommendations;  // winback and cross-sell
  std::string total;                      // cart total, formatted; empty when none
  std::string recovery_url;               // cart-recovery
  analytics::campaigns::Incentive incentive;
  std::string discount_code;
  std::string unsubscribe_url;     // the configured https URL with this person's token
  std::string unsubscribe_mailto;  // mailto:... URL
  std::string unsubscribe_token;
  std::string message_id;  // without angle brackets
};

}  // namespace shopkeep::email
