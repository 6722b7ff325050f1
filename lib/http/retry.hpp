#pragma once
// Bounded retries with exponential backoff and full jitter, and the clock they wait on (behind an
// interface, so tests do not sleep).
#include <chrono>
#include <cstdint>
#include <random>

namespace shopkeep::http {

class Sleeper {
 public:
  virtual ~Sleeper() = default;
  virtual void sleep(std::chrono::milliseconds duration) = 0;
};

class RealSleeper : public Sleeper {
 public:
  void sleep(std::chrono::milliseconds duration) override;
};

struct Backoff {
  std::chrono::milliseconds base{500};
  std::chrono::milliseconds cap{30000};
  int max_attempts = 6;  // tries in all, the first included
  // Full jitter: a uniform wait in [0, min(cap, base * 2^attempt)].
  std::chrono::milliseconds delay(int attempt, std::mt19937_64& rng) const;
};

}  // namespace shopkeep::http
