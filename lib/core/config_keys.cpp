#include "core/config_keys.hpp"

namespace shopkeep {

const std::vector<std::string_view>& known_config_keys() {
  static const std::vector<std::string_view> keys = {
      "store.path",
      "shop.timezone",
      "shop.currency",
      "shopify.shop",
      "shopify.access_token",
      "shopify.client_id",
      "shopify.client_secret",
      "shopify.api_version",
      "zendesk.subdomain",
      "zendesk.url",
      "zendesk.email",
      "zendesk.api_token",
      "zendesk.oauth_token",
      "zendesk.export_requests_per_minute",
      "http.ca_bundle",
      "email.from",
      "email.reply_to",
      "email.postal_address",
      "email.unsubscribe_url",
      "email.unsubscribe_mailto",
      "email.smtp_username",
      "email.smtp_password",
      "email.*",
      "audit.transactional_campaigns",
      "audit.best_seller_days",
      "audit.best_seller_top",
      "audit.first_reply_minutes_urgent",
      "audit.first_reply_minutes_high",
      "audit.first_reply_minutes_normal",
      "audit.first_reply_minutes_low",
      "audit.min_completeness",
      "audit.refund_rate",
      "audit.repeat_contact_days",
      "audit.repeat_contacts",
      "audit.retention_days",
      "audit.stale_sync_hours",
      "audit.unfulfilled_days",
      "audit.unsolved_days",
      "audit.stale_import_days",
      "carts.steps",
      "carts.transactional",
      "carts.holdout",
      "carts.min_margin",
      "carts.deal_seeker_share",
      "carts.vip_segments",
      "carts.test_tag",
      "carts.incentives.*",
      "value.penalty",
      "value.at_risk_p_alive",
      "recommend.min_pair_count",
      "recommend.neighbours",
      "recommend.trend_days",
      "recommend.min_confidence",
      "recommend.recency_decay",
      "recommend.trend_power",
      "restock.horizon_days",
      "restock.lead_time_days",
      "restock.overstock_days",
      "restock.service_level",
      "restock.lead_time_by_vendor.*",
      "restock.lead_time_by_product_type.*",
      "support.*",
  };
  return keys;
}

bool is_known_config_key(std::string_view dotted) {
  for (std::string_view key : known_config_keys()) {
    if (key == dotted) return true;
    if (key.size() > 2 && key.substr(key.size() - 2) == ".*") {
      std::string_view prefix = key.substr(0, key.size() - 1);  // "restock.lead_time_by_vendor."
      if (dotted.substr(0, prefix.size()) == prefix || dotted == key.substr(0, key.size() - 2)) return true;
    }
  }
  return false;
}

}  // namespace shopkeep
