#pragma once
// TSB (Teunter, Syntetos & Babai 2011): smooth the probability of a demand every day (so it decays
// while nothing sells, unlike Croston) and the size of the non-zero demands; forecast = p * size.
#include <span>

namespace shopkeep::analytics::restock {

struct TsbState {
  double probability = 0;
  double size = 0;
  bool any_demand = false;
};

// Starts at the first demand (size = that demand, p = 1 / (its position + 1)); every later day
// p += beta (1[y > 0] - p), and on demand days size += alpha (y - size).
TsbState tsb_filter(std::span<const double> observed, double alpha, double beta);

constexpr double kTsbAlpha = 0.1, kTsbBeta = 0.1;

double tsb_rate(std::span<const double> observed, double alpha = kTsbAlpha, double beta = kTsbBeta);

}  // namespace shopkeep::analytics::restock
