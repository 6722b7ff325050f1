#pragma once
// RFM: recency, frequency and monetary quintile scores (5 = best) and the named segments in
// common use, on a grid of R against the FM score where every segment is reachable.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics {

// Quintile scores 1..5 of `values` where larger is better: 1 + floor(5 x the share of values
// strictly below). Equal values get the same score, so a mass of one-order buyers all score the
// lowest frequency instead of being spread over five groups by the order they were read in.
std::vector<int> quintile_scores(const std::vector<double>& values);

// The segment of recency score r and FM score fm = ceil((f + m) / 2), both 1..5.
std::string rfm_segment(int r, int fm);

struct RfmScore {
  std::int64_t customer_id = 0;
  std::string email;
  std::int64_t recency_days = 0, frequency = 0;
  std::int64_t monetary = 0;  // minor units
  int r = 0, f = 0, m = 0;
  std::string segment;
};

// One score per customer with an order before `now`, by customer id.
std::vector<RfmScore> rfm_scores(store::Db& db, Instant now, const store::ShopSettings& shop);

// One row of cli.md `customers rfm --json`.
nlohmann::ordered_json to_json(const RfmScore& score, const store::ShopSettings& shop);

}  // namespace shopkeep::analytics
