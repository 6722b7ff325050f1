#pragma once
// Stockouts must not be read as zero demand. The store knows on-hand stock only at some moments:
// the inventory snapshots taken at every import and sync, and the variant's current quantity. From
// those and the units sold, each day gets an upper bound of the stock it ended with: the stock seen
// at a later observation plus everything sold in between (deliveries in between only mean there was
// even less before). A day whose bound is zero or less ended with no stock: its sales (if any) are a
// floor of its demand, not a measure of it, so the day is censored and every method skips it.
// Going forward, a variant seen with no stock stays out of stock until it sells again or is seen
// with stock: between two snapshots the delivery day is unknown, and reading the wait for it as days
// without demand would understate demand (and so the next order).
#include <vector>

namespace shopkeep::analytics::restock {

struct StockObservation {
  int day;  // day index in the series; the quantity is the stock at the end of that day
  double on_hand;
};

// censored[d] for d in [0, sold.size()): min over observations j at day >= d of
// on_hand_j + sold(d+1 .. day_j) <= 0, or the last observation before d saw no stock and nothing
// was sold nor stock seen since. Observations outside the series are ignored. Linear time.
std::vector<bool> censored_days(const std::vector<double>& sold, const std::vector<StockObservation>& observations);

}  // namespace shopkeep::analytics::restock
