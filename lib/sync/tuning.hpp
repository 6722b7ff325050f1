#pragma once
// The knobs tests turn to make syncs fast and deterministic against the fake servers, gathered in
// one place and read from the environment once. Production never sets them; each default is what
// the real services need.
//
//   SHOPKEEP_HTTP_TIMEOUT=SECONDS      per-request timeout (default 60)
//   SHOPKEEP_SHOPIFY_BULK=0            paginate instead of bulk operations on first syncs and --full
//   SHOPKEEP_ZENDESK_PAGE_SIZE=N       export page size, 1-1000 (default 1000, Zendesk's maximum)
//   SHOPKEEP_ZENDESK_MINUTE_MS=MS      the length of Zendesk's rate-limit minute (with the fake's)
#include <chrono>

namespace shopkeep::sync {

struct Tuning {
  std::chrono::seconds http_timeout{60};
  bool shopify_bulk = true;
  int zendesk_page_size = 1000;
  std::chrono::milliseconds zendesk_minute{60000};

  // The defaults, overridden by the SHOPKEEP_* variables above (malformed values are clamped).
  static Tuning from_environment();
};

}  // namespace shopkeep::sync
