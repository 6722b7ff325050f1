#pragma once
// While alive, SIGINT and SIGTERM request an interrupt (core/interrupt.hpp) instead of killing the
// process; a second signal kills it as usual. The previous handlers come back on destruction.
#include <signal.h>

namespace shopkeep::cmd {

class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction previous_int_;
  struct sigaction previous_term_;
};

}  // namespace shopkeep::cmd
