#include "analytics/value/bgnbd.hpp"

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

struct Group {
  Rfv rfv;
  double weight;
};

struct Problem {
  std::vector<Group> groups;
  double penalty;
};

BgNbdParams from_log(const std::vector<double>& v) {
  return {std::exp(v[0]), std::exp(v[1]), std::exp(v[2]), std::exp(v[3])};
}

// nlopt minimises: the negative log-likelihood plus the penalty.
double objective(const std::vector<double>& v, std::vector<double>&, void* data) {
  const auto& problem = *static_cast<const Problem*>(data);
  BgNbdParams p = from_log(v);
  double ll = 0;
  for (const auto& g : problem.groups) ll += g.weight * bgnbd_log_likelihood(p, g.rfv);
  double l2 = p.r * p.r + p.alpha * p.alpha + p.a * p.a + p.b * p.b;
  double value = -ll + problem.penalty * l2;
  return std::isfinite(value) ? value : std::numeric_limits<double>::max();
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
  std::map<std::tuple<double, double, double>, double> counts;
  for (const auto& c : customers) counts[{c.x, c.t_x, c.T}] += 1;
  Problem problem{{}, penalty};
  for (const auto& [key, n] : counts) problem.groups.push_back({{std::get<0>(key), std::get<1>(key), std::get<2>(key)}, n});

  // Nelder-Mead on log parameters from lifetimes' starting point, restarted from its own optimum
  // until the likelihood stops improving (a cheap guard against an early stall).
  std::vector<double> v(4, 0.0);
  double best = std::numeric_limits<double>::max();
  for (int round = 0; round < 6; ++round) {
    nlopt::opt opt(nlopt::LN_NELDERMEAD, 4);
    opt.set_min_objective(objective, &problem);
    opt.set_xtol_rel(1e-12);
    opt.set_ftol_rel(1e-15);
    opt.set_maxeval(40000);
    opt.set_initial_step(round == 0 ? 1.0 : 0.1);
    double value = 0;
    try {
      opt.optimize(v, value);
    } catch (const std::exception& e) {
      if (round == 0) throw runtime_error(std::string("BG/NBD fit failed: ") + e.what());
      break;
    }
    if (!(value < best - 1e-10)) {
      best = std::min(best, value);
      break;
    }
    best = value;
  }
  BgNbdFit fit;
  fit.params = from_log(v);
  double ll = 0;
  for (const auto& g : problem.groups) ll += g.weight * bgnbd_log_likelihood(fit.params, g.rfv);
  if (!std::isfinite(ll)) throw runtime_error("BG/NBD fit did not converge to a finite likelihood");
  fit.log_likelihood = ll;
  return fit;
}

double p_alive(const BgNbdParams& p, const Rfv& c) {
  if (c.x <= 0) return 1.0;
  double log_ratio = std::log(p.a) - std::log(p.b + c.x - 1) + (p.r + c.x) * (std::log(p.alpha + c.T) - std::log(p.alpha + c.t_x));
  return 1.0 / (1.0 + std::exp(log_ratio));
}

double hyp2f1(double a, double b, double c, double z) {
  return boost::math::hypergeometric_pFq({a, b}, {c}, z);
}

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
