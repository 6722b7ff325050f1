#pragma once
// Croston's method for intermittent demand: smooth the size of the non-zero demands and the
// interval between them separately; forecast per day = size / interval. SBA (Syntetos-Boylan
// approximation) multiplies by (1 - alpha / 2) to remove Croston's known upward bias.
#include <span>

namespace shopkeep::analytics::restock {

struct CrostonState {
  double size = 0;      // smoothed non-zero demand
  double interval = 0;  // smoothed days between demands
  bool any_demand = false;
};

// Starts at the first demand (size = that demand, interval = its position + 1), then after each
// later demand: size += alpha (y - size), interval += alpha (days since the previous demand - interval).
CrostonState croston_filter(std::span<const double> observed, double alpha);

// Standard smoothing weight for both (Croston 1972; Syntetos & Boylan 2005).
constexpr double kCrostonAlpha = 0.1;

double croston_rate(std::span<const double> observed, double alpha = kCrostonAlpha);
double sba_rate(std::span<const double> observed, double alpha = kCrostonAlpha);

}  // namespace shopkeep::analytics::restock
