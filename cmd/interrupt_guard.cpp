#include "interrupt_guard.hpp"

#include "core/interrupt.hpp"

namespace shopkeep::cmd {

namespace {

void on_signal(int) { request_interrupt(); }

}  // namespace

InterruptGuard::InterruptGuard() {
  clear_interrupt();
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a read blocked on a pipe returns, so the import notices at once. SA_RESETHAND: a
  // second Ctrl-C kills the process the usual way.
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, &previous_int_);
  sigaction(SIGTERM, &action, &previous_term_);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
}

}  // namespace shopkeep::cmd
