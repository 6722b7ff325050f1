#include "core/interrupt.hpp"

#include <atomic>

#include "core/error.hpp"

namespace shopkeep {

namespace {
std::atomic<bool> requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");
}  // namespace

void request_interrupt() noexcept { requested.store(true, std::memory_order_relaxed); }
bool interrupt_requested() noexcept { return requested.load(std::memory_order_relaxed); }
void clear_interrupt() noexcept { requested.store(false, std::memory_order_relaxed); }

void throw_if_interrupted() {
  if (interrupt_requested()) throw Error(ExitCode::interrupted, "interrupted", "nothing was written");
}

}  // namespace shopkeep
