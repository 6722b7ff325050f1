#pragma once
// Reorder points: forecast demand over the lead time plus safety stock for the service level.
// The safety stock is k x scale. The scale is what the day-to-day variation of the series alone
// implies over the lead time (sqrt(L x daily variance), at least Poisson's sqrt(L x mean)). The
// factor k is not the normal quantile: it is calibrated on the store's own history, as the
// service-level quantile of the standardised lead-time errors (actual - forecast) / scale, pooled
// over every series and every weekly origin of the last quarter (a split-conformal interval).
// What trend, lumpiness and forecast error add beyond the day-to-day variation ends up in k, so the
// coverage holds as long as the coming weeks resemble the past ones.
#include <vector>

#include "analytics/restock/backtest_selection.hpp"
#include "analytics/restock/demand_history.hpp"

namespace shopkeep::analytics::restock {

// sqrt(lead_days x max(variance, mean)) of the observed days in the 26 weeks before origin.
double lead_time_scale(const DemandHistory& history, int origin, int lead_days);

// Standardised errors of the selection's forecasts of lead-time demand from weekly origins before
// `origin` (the last `max_origins` weeks, each with 8 weeks of history before it), skipping windows that are mostly
// censored or have no scale.
std::vector<double> lead_time_residuals(const DemandHistory& history, const Selection& selection, int origin,
                                        int lead_days, int max_origins = 13);

// The service-level quantile of the pooled residuals (the conformal rank ceil((n + 1) p) of n);
// with fewer than 30 residuals, the normal quantile. Never below 0 (no negative safety stock).
double safety_factor(std::vector<double> residuals, double service_level);

// The normal quantile (Acklam's rational approximation, relative error below 1.2e-9).
double normal_quantile(double p);

// The smallest whole number of units at or above lead_demand + factor x scale (0 for no demand).
double reorder_point(double lead_demand, double scale, double factor);

}  // namespace shopkeep::analytics::restock
