#include "analytics/value/gamma_gamma.hpp"

#include <nlopt.hpp>

#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace shopkeep::analytics::value {

namespace {

struct Problem {
  const std::vector<SpendSummary>* buyers;
  double penalty;
};

double objective(const std::vector<double>& v, std::vector<double>&, void* data) {
  const auto& problem = *static_cast<const Problem*>(data);
  GammaGammaParams g{std::exp(v[0]), std::exp(v[1]), std::exp(v[2])};
  double ll = 0;
  for (const auto& s : *problem.buyers) ll += gamma_gamma_log_likelihood(g, s);
  double value = -ll + problem.penalty * (g.p * g.p + g.q * g.q + g.v * g.v);
  return std::isfinite(value) ? value : std::numeric_limits<double>::max();
}

}  // namespace

double gamma_gamma_log_likelihood(const GammaGammaParams& g, const SpendSummary& s) {
  double px = g.p * s.x;
  return std::lgamma(px + g.q) - std::lgamma(px) - std::lgamma(g.q) + g.q * std::log(g.v) +
         (px - 1) * std::log(s.mean) + px * std::log(s.x) - (px + g.q) * std::log(s.x * s.mean + g.v);
}

GammaGammaFit fit_gamma_gamma(const std::vector<SpendSummary>& repeat_buyers, double penalty) {
  std::vector<SpendSummary> buyers;
  for (const auto& s : repeat_buyers)
    if (s.x > 0 && s.mean > 0) buyers.push_back(s);
  if (buyers.empty()) throw runtime_error("Gamma-Gamma needs repeat buyers with a positive spend");
  Problem problem{&buyers, penalty};
  std::vector<double> v(3, 0.0);
  double best = std::numeric_limits<double>::max();
  for (int round = 0; round < 6; ++round) {
    nlopt::opt opt(nlopt::LN_NELDERMEAD, 3);
    opt.set_min_objective(objective, &problem);
    opt.set_xtol_rel(1e-12);
    opt.set_ftol_rel(1e-15);
    opt.set_maxeval(40000);
    opt.set_initial_step(round == 0 ? 1.0 : 0.1);
    double value = 0;
    try {
      opt.optimize(v, value);
    } catch (const std::exception& e) {
      if (round == 0) throw runtime_error(std::string("Gamma-Gamma fit failed: ") + e.what());
      break;
    }
    if (!(value < best - 1e-10)) break;
    best = value;
  }
  GammaGammaFit fit;
  fit.params = {std::exp(v[0]), std::exp(v[1]), std::exp(v[2])};
  double ll = 0;
  for (const auto& s : buyers) ll += gamma_gamma_log_likelihood(fit.params, s);
  if (!std::isfinite(ll)) throw runtime_error("Gamma-Gamma fit did not converge to a finite likelihood");
  fit.log_likelihood = ll;
  return fit;
}

double conditional_expected_spend(const GammaGammaParams& g, const SpendSummary& s) {
  if (s.x <= 0) return g.p * g.v / (g.q - 1);
  return g.p * (g.v + s.x * s.mean) / (g.p * s.x + g.q - 1);
}

}  // namespace shopkeep::analytics::value
