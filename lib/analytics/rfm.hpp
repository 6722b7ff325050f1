#pragma once
// RFM: recency, frequency and monetary quintile scores (5 = best) and the named segments in
// common use, on a grid of R against the FM score where every segment is reachable.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics {

// Quintile scores 1..5 of `values` where larger is better; ties are broken by position (rank
// "first", so a mass of equal values is still cut into five even groups).
std::vector<int> quintile_scores(const std::vector<double>& values);

// The segment of recency score r and FM score fm = ceil((f + m) / 2), both 1..5.
std::string rfm_segment(int r, int fm);

// One row per customer with an order before `now` (cli.md `customers rfm --json`).
nlohmann::ordered_json rfm_rows(store::Db& db, Instant now, const store::ShopSettings& shop);

}  // namespace shopkeep::analytics
