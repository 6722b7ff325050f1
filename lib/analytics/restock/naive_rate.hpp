#pragma once
// The naive rate: mean units per day over the last `window` observed (uncensored) days. The 4- and
// 8-week rates and their blend are the baselines every other method has to beat.
#include <span>

namespace shopkeep::analytics::restock {

// Mean of the last `window` values (all of them when there are fewer); 0 for none.
double naive_rate(std::span<const double> observed, int window);

// (rate over 4 weeks + rate over 8 weeks) / 2: reacts to change, and is steadier than either.
double blended_rate(std::span<const double> observed);

}  // namespace shopkeep::analytics::restock
