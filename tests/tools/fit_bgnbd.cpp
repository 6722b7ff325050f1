// fit_bgnbd: fits BG/NBD on a per-customer summary CSV (header, then frequency,recency,T in weeks
// per row) with the library's fitter, and prints the parameters and the fit time as JSON. Used by
// the benchmark to compare with a Python reference fit on exactly the same summary.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analytics/value/bgnbd.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fit_bgnbd SUMMARY.csv\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "fit_bgnbd: cannot open " << argv[1] << '\n';
    return 2;
  }
  std::vector<shopkeep::analytics::value::Rfv> customers;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    shopkeep::analytics::value::Rfv c;
    char comma;
    std::istringstream s(line);
    s >> c.x >> comma >> c.t_x >> comma >> c.T;
    customers.push_back(c);
  }
  auto start = std::chrono::steady_clock::now();
  auto fit = shopkeep::analytics::value::fit_bgnbd(customers);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "{\"r\": %.10g, \"alpha\": %.10g, \"a\": %.10g, \"b\": %.10g, \"log_likelihood\": %.10g, \"seconds\": %.6f, "
      "\"customers\": %zu}\n",
      fit.params.r, fit.params.alpha, fit.params.a, fit.params.b, fit.log_likelihood, seconds, customers.size());
  return 0;
}
