#pragma once
// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): the purchase process
// and P(alive). Time is in weeks, so the parameters compare with the published literature.
#include <cstdint>
#include <vector>

namespace shopkeep::analytics::value {

// One customer's calibration summary: x repeat purchases, the last at t_x, observed for T.
struct Rfv {
  double x = 0;    // frequency: purchase days - 1
  double t_x = 0;  // recency: first -> last purchase, weeks
  double T = 0;    // age: first purchase -> the end of calibration, weeks
};

struct BgNbdParams {
  double r = 0, alpha = 0, a = 0, b = 0;
};

// Log-likelihood of one customer, computed in log space (stable for large x and T).
double bgnbd_log_likelihood(const BgNbdParams& p, const Rfv& c);

struct BgNbdFit {
  BgNbdParams params;
  double log_likelihood = 0;  // without the penalty
};

// Maximum likelihood (nlopt L-BFGS with the analytic gradient, on log parameters), with an optional L2 penalty on the
// parameters as lifetimes applies it. Customers with identical (x, t_x, T) are grouped first. Throws a runtime error
// when the optimiser cannot find a finite optimum.
BgNbdFit fit_bgnbd(const std::vector<Rfv>& customers, double penalty = 0);

// The total log-likelihood and, when `gradient` is given, its derivatives with respect to
// log r, log alpha, log a and log b (what the fit optimises).
double bgnbd_total_log_likelihood(const std::vector<Rfv>& customers, const BgNbdParams& p, double* gradient);

double p_alive(const BgNbdParams& p, const Rfv& c);

// E[Y(t) | x, t_x, T]: expected purchases in the next t weeks.
double conditional_expected_purchases(const BgNbdParams& p, const Rfv& c, double t);

// P(X(t) = 0) for a customer just acquired.
double probability_no_purchase(const BgNbdParams& p, double t);

// Gauss hypergeometric 2F1(a, b; c; z) for 0 <= z < 1.
double hyp2f1(double a, double b, double c, double z);

}  // namespace shopkeep::analytics::value
