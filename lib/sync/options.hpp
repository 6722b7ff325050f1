#pragma once
// What every source's sync is asked to do, and what it reports per resource: one set of types for
// Shopify and Zendesk, so the command and the store's sync_state see one shape.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/time.hpp"

namespace shopkeep::sync {

struct SyncOptions {
  bool full = false;                   // re-read everything and mark what is gone as deleted
  std::optional<Instant> since;        // overrides the stored cursors
  std::vector<std::string> resources;  // the --resources names of this source; empty: all
  Instant now;
  std::chrono::seconds overlap{300};  // cursors by time are re-read from this much before them
};

struct ResourceOutcome {
  explicit ResourceOutcome(std::string name = {}) : resource(std::move(name)) {}

  std::string resource;
  std::uint64_t records = 0;
  std::uint64_t deleted = 0;                            // rows marked deleted (--full, or deletions detected)
  std::optional<std::string> error;                     // set when the resource failed (what committed stays)
  bool committed = true;                                // false: it failed before committing anything
  bool bulk = false;                                    // Shopify: read through a bulk operation
  std::vector<std::pair<std::string, double>> seconds;  // named phases ("bulk_wait", ...) and their time
};

}  // namespace shopkeep::sync
