#pragma once
// The knobs tests turn to make syncs fast and deterministic against the fake servers, gathered in
// one place and read from the environment once. Production rarely sets them; each default is what
// the real services need.
//
//   SHOPKEEP_HTTP_TIMEOUT=SECONDS          per-request timeout (default 60)
//   SHOPKEEP_SHOPIFY_BULK=0                paginate instead of bulk operations on first syncs and --full
//   SHOPKEEP_SHOPIFY_BULK_TIMEOUT=SECONDS  the longest a bulk job may take, waits included (default 4 h)
//   SHOPKEEP_SHOPIFY_BULK_BACKOFF_MS=MS    the first wait before a failed bulk job runs again, or while
//                                          other bulk jobs of the app hold the limit (default 30 s, doubling)
//   SHOPKEEP_ZENDESK_PAGE_SIZE=N           export page size, 1-1000 (default 1000, Zendesk's maximum)
//   SHOPKEEP_ZENDESK_MINUTE_MS=MS          the length of Zendesk's rate-limit minute (with the fake's)
#include <chrono>

namespace shopkeep::sync {

struct Tuning {
  std::chrono::seconds http_timeout{60};
  bool shopify_bulk = true;
  std::chrono::seconds shopify_bulk_timeout{4 * 3600};
  std::chrono::milliseconds shopify_bulk_backoff{30000};
  int zendesk_page_size = 1000;
  std::chrono::milliseconds zendesk_minute{60000};

  // The defaults, overridden by the SHOPKEEP_* variables above (malformed values are clamped).
  static Tuning from_environment();
};

}  // namespace shopkeep::sync
