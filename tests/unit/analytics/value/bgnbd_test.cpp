#include "analytics/value/bgnbd.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analytics/value/gamma_gamma.hpp"
#include "demo/random.hpp"

using namespace shopkeep::analytics::value;

namespace {

// ID,frequency,recency,T  or  ID,x,t_x,T,zbar
std::vector<std::vector<double>> read_csv(const std::string& name) {
  std::ifstream in(std::filesystem::path(SHOPKEEP_REFERENCE_DIR) / "analytics" / name);
  REQUIRE(in);
  std::vector<std::vector<double>> rows;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<double> row;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) row.push_back(std::stod(cell));
    rows.push_back(row);
  }
  return rows;
}

bool three_digits(double actual, double expected) {
  return std::fabs(actual - expected) <= 0.0005 * std::fabs(expected) + 1e-12;
}

}  // namespace

TEST_CASE("BG/NBD on the CDNOW calibration summary reproduces the published fit") {
  std::vector<Rfv> customers;
  for (const auto& r : read_csv("cdnow_customers_summary.csv")) customers.push_back({r[1], r[2], r[3]});
  REQUIRE(customers.size() == 2357);
  auto fit = fit_bgnbd(customers);
  CHECK(three_digits(fit.params.r, 0.2426));
  CHECK(three_digits(fit.params.alpha, 4.4135));
  CHECK(three_digits(fit.params.a, 0.7929));
  CHECK(three_digits(fit.params.b, 2.4258));
  CHECK(fit.log_likelihood == doctest::Approx(-9582.43).epsilon(1e-6));
}

TEST_CASE("BG/NBD conditional values at the paper's parameters") {
  BgNbdParams paper{0.243, 4.414, 0.793, 2.426};
  Rfv customer1{2, 30.43, 38.86};
  CHECK(p_alive(paper, customer1) == doctest::Approx(0.7266).epsilon(5e-4));
  CHECK(conditional_expected_purchases(paper, customer1, 39) == doctest::Approx(1.2260).epsilon(5e-4));
  CHECK(probability_no_purchase(paper, 39) == doctest::Approx(0.5737864).epsilon(1e-6));
}

TEST_CASE("Gamma-Gamma on the CDNOW repeat buyers reproduces the published fit") {
  std::vector<SpendSummary> all, repeaters;
  for (const auto& r : read_csv("cdnow_customers_summary_with_transactions.csv")) {
    all.push_back({r[1], r[4]});
    if (r[1] > 0) repeaters.push_back({r[1], r[4]});
  }
  REQUIRE(repeaters.size() == 946);
  auto fit = fit_gamma_gamma(repeaters);
  CHECK(three_digits(fit.params.p, 6.2488));
  CHECK(three_digits(fit.params.q, 3.7446));
  CHECK(three_digits(fit.params.v, 15.4478));
  double sum = 0;
  for (const auto& s : all) sum += conditional_expected_spend(fit.params, s);
  CHECK(three_digits(sum / static_cast<double>(all.size()), 35.2530));
}

TEST_CASE("a simulation drawn from BG/NBD gives its parameters back") {
  // Draw lambda ~ Gamma(r, alpha), p ~ Beta(a, b); purchases are Poisson(lambda) until the
  // customer dies (after each purchase with probability p), observed for T weeks.
  shopkeep::demo::Rng rng(11);
  auto gamma = [&](double shape, double scale) {
    // Marsaglia-Tsang, with the shape < 1 boost.
    double boost = 1;
    if (shape < 1) {
      boost = std::pow(rng.uniform(), 1.0 / shape);
      shape += 1;
    }
    double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    for (;;) {
      double x = rng.normal(0, 1), v = std::pow(1 + c * x, 3);
      if (v > 0 && std::log(rng.uniform()) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v * scale * boost;
    }
  };
  BgNbdParams truth{0.5, 6.0, 0.8, 3.0};
  std::vector<Rfv> customers;
  for (int i = 0; i < 20000; ++i) {
    double lambda = gamma(truth.r, 1 / truth.alpha);
    double ga = gamma(truth.a, 1), gb = gamma(truth.b, 1), p = ga / (ga + gb);
    double T = 20 + rng.uniform() * 30, t = 0, last = 0;
    int x = 0;
    for (;;) {
      t += rng.exponential(1 / lambda);
      if (t > T) break;
      ++x;
      last = t;
      if (rng.chance(p)) break;
    }
    customers.push_back({static_cast<double>(x), last, T});
  }
  auto fit = fit_bgnbd(customers);
  CHECK(fit.params.r == doctest::Approx(truth.r).epsilon(0.15));
  CHECK(fit.params.alpha == doctest::Approx(truth.alpha).epsilon(0.2));
  CHECK(fit.params.a == doctest::Approx(truth.a).epsilon(0.25));
  CHECK(fit.params.b == doctest::Approx(truth.b).epsilon(0.3));
}

TEST_CASE("the analytic gradient matches finite differences") {
  std::vector<Rfv> customers = {{2, 30.43, 38.86}, {0, 0, 38.86}, {1, 1.71, 38.86}, {5, 20, 30}, {12, 50, 52}};
  BgNbdParams p{0.5, 3, 0.8, 2.5};
  double g[4];
  double base = bgnbd_total_log_likelihood(customers, p, g);
  const double h = 1e-6;
  for (int i = 0; i < 4; ++i) {
    BgNbdParams q = p;
    double* field[4] = {&q.r, &q.alpha, &q.a, &q.b};
    *field[i] *= std::exp(h);
    double numeric = (bgnbd_total_log_likelihood(customers, q, nullptr) - base) / h;
    CHECK(g[i] == doctest::Approx(numeric).epsilon(1e-4));
  }
}
