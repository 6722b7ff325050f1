#include "sync/tuning.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/config.hpp"

namespace shopkeep::sync {

Tuning Tuning::from_environment() {
  Tuning t;
  if (auto v = env_var("SHOPKEEP_HTTP_TIMEOUT"))
    t.http_timeout = std::chrono::seconds{std::max(1, std::atoi(v->c_str()))};
  if (auto v = env_var("SHOPKEEP_SHOPIFY_BULK"); v && *v == "0") t.shopify_bulk = false;
  if (auto v = env_var("SHOPKEEP_SHOPIFY_BULK_TIMEOUT"))
    t.shopify_bulk_timeout = std::chrono::seconds{std::max(1, std::atoi(v->c_str()))};
  if (auto v = env_var("SHOPKEEP_SHOPIFY_BULK_BACKOFF_MS"))
    t.shopify_bulk_backoff = std::chrono::milliseconds{std::max(1, std::atoi(v->c_str()))};
  if (auto v = env_var("SHOPKEEP_ZENDESK_PAGE_SIZE")) t.zendesk_page_size = std::clamp(std::atoi(v->c_str()), 1, 1000);
  if (auto v = env_var("SHOPKEEP_ZENDESK_MINUTE_MS"))
    t.zendesk_minute = std::chrono::milliseconds{std::max(1, std::atoi(v->c_str()))};
  return t;
}

}  // namespace shopkeep::sync
