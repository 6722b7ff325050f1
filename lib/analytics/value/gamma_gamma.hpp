#pragma once
// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"), fitted on repeat buyers'
// mean repeat-purchase value.
#include <vector>

namespace shopkeep::analytics::value {

struct SpendSummary {
  double x = 0;     // repeat purchases (frequency)
  double mean = 0;  // mean value of the repeat purchase days (first purchase excluded)
};

struct GammaGammaParams {
  double p = 0, q = 0, v = 0;
};

struct GammaGammaFit {
  GammaGammaParams params;
  double log_likelihood = 0;
};

double gamma_gamma_log_likelihood(const GammaGammaParams& g, const SpendSummary& s);

// Fits on customers with x > 0 and a positive mean; throws a runtime error when it cannot.
GammaGammaFit fit_gamma_gamma(const std::vector<SpendSummary>& repeat_buyers, double penalty = 0);

// E[M | x, mean]: the expected value of a customer's future purchases (population mean for x = 0).
double conditional_expected_spend(const GammaGammaParams& g, const SpendSummary& s);

}  // namespace shopkeep::analytics::value
