#pragma once
// Yearly seasonality for rate forecasts: how last year's demand over the coming period compared with
// last year's demand over the 8 weeks before it. Multiplying this year's 8-week rate by that ratio
// anticipates a Q4 ramp that a plain rate only follows weeks late.
#include <optional>

#include "analytics/restock/demand_history.hpp"

namespace shopkeep::analytics::restock {

// The ratio (rate over [origin - 364, origin - 364 + horizon)) / (rate over the 56 days before
// that), shrunk towards 1 by the number of demand days behind it and kept within [0.25, 4].
// nullopt without a year and 8 weeks of history, or with too few observed days in either window.
std::optional<double> yearly_ratio(const DemandHistory& history, int origin, int horizon);

}  // namespace shopkeep::analytics::restock
