#include "analytics/value/bgnbd.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>  // hypergeometric_pFq uses lgamma without including it (Boost 1.74)
#include <boost/math/special_functions/hypergeometric_pFq.hpp>
#include <nlopt.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "core/error.hpp"

namespace shopkeep::analytics::value {

namespace {

double log_sum_exp(double a, double b) {
  double m = std::max(a, b);
  return m + std::log(std::exp(a - m) + std::exp(b - m));
}

// Customers grouped by (x, t_x, T) with a count. The likelihood's gamma-function terms depend on
// x alone and its logarithms on T or t_x alone, so an evaluation computes those once per distinct
// value and leaves one log-sum-exp per group: fast enough for a gradient-based fit of 100,000
// customers in well under a second.
struct Problem {
  std::vector<double> xs;     // distinct frequencies
  std::vector<double> times;  // distinct T and t_x values
  struct Group {
    int x, T, t_x;
    double weight;
  };
  std::vector<Group> groups;
  double penalty;
};

Problem make_problem(const std::vector<Rfv>& customers, double penalty) {
  std::map<std::tuple<double, double, double>, double> counts;
  for (const auto& c : customers) counts[{c.x, c.t_x, c.T}] += 1;
  std::map<double, int> x_index, time_index;
  for (const auto& [key, n] : counts) {
    x_index.emplace(std::get<0>(key), 0);
    time_index.emplace(std::get<1>(key), 0);
    time_index.emplace(std::get<2>(key), 0);
  }
  Problem problem;
  problem.penalty = penalty;
  for (auto& [x, i] : x_index) i = static_cast<int>(problem.xs.size()), problem.xs.push_back(x);
  for (auto& [t, i] : time_index) i = static_cast<int>(problem.times.size()), problem.times.push_back(t);
  for (const auto& [key, n] : counts)
    problem.groups.push_back(
        {x_index[std::get<0>(key)], time_index[std::get<2>(key)], time_index[std::get<1>(key)], n});
  return problem;
}

// The log-likelihood and its gradient with respect to the log parameters (r, alpha, a, b).
double log_likelihood_and_gradient(const Problem& problem, const BgNbdParams& p, double* gradient) {
  using boost::math::digamma;
  const size_t nx = problem.xs.size(), nt = problem.times.size();
  std::vector<double> a12(nx), d_r1(nx), d_a2(nx), d_b2(nx), log_b_x1(nx);
  double log_alpha = std::log(p.alpha), lg_ab = std::lgamma(p.a + p.b), lg_r = std::lgamma(p.r),
         lg_b = std::lgamma(p.b);
  double psi_r = digamma(p.r), psi_ab = digamma(p.a + p.b), psi_b = digamma(p.b);
  for (size_t i = 0; i < nx; ++i) {
    double x = problem.xs[i];
    a12[i] = std::lgamma(p.r + x) - lg_r + p.r * log_alpha + lg_ab + std::lgamma(p.b + x) - lg_b -
             std::lgamma(p.a + p.b + x);
    d_r1[i] = digamma(p.r + x) - psi_r + log_alpha;
    double psi_abx = digamma(p.a + p.b + x);
    d_a2[i] = psi_ab - psi_abx;
    d_b2[i] = psi_ab + digamma(p.b + x) - psi_b - psi_abx;
    log_b_x1[i] = x > 0 ? std::log(p.b + x - 1) : 0.0;
  }
  std::vector<double> log_alpha_t(nt);
  for (size_t j = 0; j < nt; ++j) log_alpha_t[j] = std::log(p.alpha + problem.times[j]);
  double log_a = std::log(p.a);
  double ll = 0, g_r = 0, g_alpha = 0, g_a = 0, g_b = 0;
  for (const auto& g : problem.groups) {
    double x = problem.xs[g.x];
    double a3 = -(p.r + x) * log_alpha_t[g.T];
    double w = 0, value = a3;  // w: the weight of the "died after the last purchase" term
    if (x > 0) {
      double a4 = log_a - log_b_x1[g.x] - (p.r + x) * log_alpha_t[g.t_x];
      value = log_sum_exp(a3, a4);
      w = std::exp(a4 - value);
    }
    ll += g.weight * (a12[g.x] + value);
    if (gradient == nullptr) continue;
    double inv_T = 1.0 / (p.alpha + problem.times[g.T]), inv_tx = 1.0 / (p.alpha + problem.times[g.t_x]);
    g_r += g.weight * (d_r1[g.x] - (1 - w) * log_alpha_t[g.T] - w * log_alpha_t[g.t_x]);
    g_alpha += g.weight * (p.r / p.alpha - (p.r + x) * ((1 - w) * inv_T + w * inv_tx));
    g_a += g.weight * (d_a2[g.x] + w / p.a);
    g_b += g.weight * (d_b2[g.x] - (x > 0 ? w / (p.b + x - 1) : 0.0));
  }
  if (gradient != nullptr) {
    gradient[0] = g_r * p.r;
    gradient[1] = g_alpha * p.alpha;
    gradient[2] = g_a * p.a;
    gradient[3] = g_b * p.b;
  }
  return ll;
}

BgNbdParams from_log(const std::vector<double>& v) {
  return {std::exp(v[0]), std::exp(v[1]), std::exp(v[2]), std::exp(v[3])};
}

// nlopt minimises: the negative log-likelihood plus the L2 penalty, with the gradient in log space.
double objective(const std::vector<double>& v, std::vector<double>& grad, void* data) {
  const auto& problem = *static_cast<const Problem*>(data);
  BgNbdParams p = from_log(v);
  double g[4];
  double ll = log_likelihood_and_gradient(problem, p, grad.empty() ? nullptr : g);
  double l2 = p.r * p.r + p.alpha * p.alpha + p.a * p.a + p.b * p.b;
  double value = -ll + problem.penalty * l2;
  if (!grad.empty()) {
    const double theta[4] = {p.r, p.alpha, p.a, p.b};
    for (int i = 0; i < 4; ++i) grad[i] = -g[i] + problem.penalty * 2 * theta[i] * theta[i];
    for (auto& d : grad)
      if (!std::isfinite(d)) d = 0;
  }
  return std::isfinite(value) ? value : 1e300;
}

}  // namespace

double bgnbd_log_likelihood(const BgNbdParams& p, const Rfv& c) {
  double a1 = std::lgamma(p.r + c.x) - std::lgamma(p.r) + p.r * std::log(p.alpha);
  double a2 = std::lgamma(p.a + p.b) + std::lgamma(p.b + c.x) - std::lgamma(p.b) - std::lgamma(p.a + p.b + c.x);
  double a3 = -(p.r + c.x) * std::log(p.alpha + c.T);
  if (c.x <= 0) return a1 + a2 + a3;
  double a4 = std::log(p.a) - std::log(p.b + c.x - 1) - (p.r + c.x) * std::log(p.alpha + c.t_x);
  return a1 + a2 + log_sum_exp(a3, a4);
}

BgNbdFit fit_bgnbd(const std::vector<Rfv>& customers, double penalty) {
  Problem problem = make_problem(customers, penalty);
  // L-BFGS with the analytic gradient on log parameters from lifetimes' starting point (all ones),
  // then a Nelder-Mead polish from its optimum as a guard against a stall on a flat ridge.
  std::vector<double> v(4, 0.0);
  double value = 0;
  try {
    nlopt::opt lbfgs(nlopt::LD_LBFGS, 4);
    lbfgs.set_min_objective(objective, &problem);
    lbfgs.set_lower_bounds(-20.0);  // parameters between 2e-9 and 5e8: beyond is a degenerate fit
    lbfgs.set_upper_bounds(20.0);
    lbfgs.set_ftol_rel(1e-14);
    lbfgs.set_xtol_rel(1e-10);
    lbfgs.set_maxeval(2000);
    lbfgs.optimize(v, value);
  } catch (const nlopt::roundoff_limited&) {
    // Converged as far as floating point allows.
  } catch (const std::exception& e) {
    throw runtime_error(std::string("BG/NBD fit failed: ") + e.what());
  }
  try {
    nlopt::opt polish(nlopt::LN_NELDERMEAD, 4);
    polish.set_min_objective(objective, &problem);
    polish.set_xtol_rel(1e-10);
    polish.set_maxeval(400);
    polish.set_initial_step(0.01);
    polish.optimize(v, value);
  } catch (const std::exception&) {
    // The L-BFGS optimum stands.
  }
  BgNbdFit fit;
  fit.params = from_log(v);
  fit.log_likelihood = log_likelihood_and_gradient(problem, fit.params, nullptr);
  if (!std::isfinite(fit.log_likelihood)) throw runtime_error("BG/NBD fit did not converge to a finite likelihood");
  return fit;
}

double bgnbd_total_log_likelihood(const std::vector<Rfv>& customers, const BgNbdParams& p, double* gradient) {
  return log_likelihood_and_gradient(make_problem(customers, 0), p, gradient);
}

double p_alive(const BgNbdParams& p, const Rfv& c) {
  if (c.x <= 0) return 1.0;
  double log_ratio =
      std::log(p.a) - std::log(p.b + c.x - 1) + (p.r + c.x) * (std::log(p.alpha + c.T) - std::log(p.alpha + c.t_x));
  return 1.0 / (1.0 + std::exp(log_ratio));
}

double hyp2f1(double a, double b, double c, double z) { return boost::math::hypergeometric_pFq({a, b}, {c}, z); }

double conditional_expected_purchases(const BgNbdParams& p, const Rfv& c, double t) {
  double x = c.x;
  double z = t / (p.alpha + c.T + t);
  double hyp = hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z);
  double first = (p.a + p.b + x - 1) / (p.a - 1);
  double second = 1.0 - std::exp((p.r + x) * (std::log(p.alpha + c.T) - std::log(p.alpha + c.T + t))) * hyp;
  double denominator = 1.0;
  if (x > 0)
    denominator += std::exp(std::log(p.a) - std::log(p.b + x - 1) +
                            (p.r + x) * (std::log(p.alpha + c.T) - std::log(p.alpha + c.t_x)));
  return first * second / denominator;
}

double probability_no_purchase(const BgNbdParams& p, double t) { return std::pow(p.alpha / (p.alpha + t), p.r); }

}  // namespace shopkeep::analytics::value
