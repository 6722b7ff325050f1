#pragma once
// Ctrl-C during long work that can stop cleanly (an import): cmd/ installs the signal handler,
// which only sets a flag; lib/ polls it and throws, so the open transaction rolls back and the
// user is told that nothing was written instead of the process dying mid-way.
namespace shopkeep {

// Async-signal-safe: called from the handler.
void request_interrupt() noexcept;
bool interrupt_requested() noexcept;
void clear_interrupt() noexcept;

// Throws Error(ExitCode::interrupted, "interrupted", "nothing was written") once requested.
void throw_if_interrupted();

}  // namespace shopkeep
