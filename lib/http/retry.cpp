#include "http/retry.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

namespace shopkeep::http {

void RealSleeper::sleep(std::chrono::milliseconds duration) { std::this_thread::sleep_for(duration); }

std::chrono::milliseconds Backoff::delay(int attempt, std::mt19937_64& rng) const {
  double ceiling =
      std::min<double>(static_cast<double>(cap.count()), static_cast<double>(base.count()) * std::pow(2.0, attempt));
  std::uniform_real_distribution<double> jitter(0.0, ceiling);
  return std::chrono::milliseconds(static_cast<std::int64_t>(jitter(rng)));
}

}  // namespace shopkeep::http
