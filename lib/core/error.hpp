#pragma once
// Errors travel up as exceptions carrying the exit code of cli.md; only cmd/main.cpp turns
// them into a message and a process exit status (lib/ never prints or exits).
#include <stdexcept>
#include <string>

namespace shopkeep {

enum class ExitCode : int {
  ok = 0,
  runtime = 1,        // network, store, bad data in a file, lock held too long, model not fittable
  usage = 2,          // unknown flag, bad value, missing input file, bad config, write through sql
  auth = 3,           // 401/403 from the only API involved
  partial = 4,        // some sources or resources failed, the others were committed
  threshold = 5,      // audit --fail-on reached
  interrupted = 130,  // SIGINT/SIGTERM stopped the work (128 + SIGINT, as a shell reports it)
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& what, std::string hint = {})
      : std::runtime_error(what), code_(code), hint_(std::move(hint)) {}
  ExitCode code() const { return code_; }
  const std::string& hint() const { return hint_; }

 private:
  ExitCode code_;
  std::string hint_;
};

// A source that cannot be reached at all (its host refuses connections, does not resolve, or its
// certificate does not verify): every other resource of that source would fail the same way, so
// the sync stops that source at once instead of retrying each resource.
class UnreachableError : public Error {
 public:
  UnreachableError(const std::string& what, std::string hint = {}) : Error(ExitCode::runtime, what, std::move(hint)) {}
};

// Shorthands for the two most common kinds.
inline Error usage_error(const std::string& what, std::string hint = {}) {
  return Error(ExitCode::usage, what, std::move(hint));
}
inline Error runtime_error(const std::string& what, std::string hint = {}) {
  return Error(ExitCode::runtime, what, std::move(hint));
}

}  // namespace shopkeep
