#pragma once
// Who the requester is worth to the shop, computed once per triage run: each customer's CLV
// percentile (BG/NBD + Gamma-Gamma, as `customers value` fits it), RFM segment and VIP tag.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/support/triage.hpp"
#include "core/config.hpp"
#include "core/reporter.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics::support {

class CustomerStandings {
 public:
  // Fits the value model once; when the store has too little data for it, CLV is left out (a debug
  // message says why) and segments and tags still count.
  static CustomerStandings compute(store::Db& db, const Config& config, const store::ShopSettings& shop, Instant now,
                                   const std::vector<std::string>& vip_tags, Reporter& reporter);

  std::optional<CustomerStanding> find(std::int64_t customer_id) const;

 private:
  std::unordered_map<std::int64_t, CustomerStanding> by_customer_;
};

// Share (0..100) of `sorted` values strictly below `value`.
double percentile_below(const std::vector<std::int64_t>& sorted, std::int64_t value);

}  // namespace shopkeep::analytics::support
