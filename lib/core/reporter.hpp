#pragma once
// How lib/ talks to the person at the terminal without printing: long work reports progress and
// warnings through this interface; cmd/ decides whether and how to show them.
#include <cstdint>
#include <string>

namespace shopkeep {

class Reporter {
 public:
  virtual ~Reporter() = default;
  // A warning the user should see unless --quiet (e.g. a skipped record type).
  virtual void warn(const std::string& message) = 0;
  // Extra diagnostics for --verbose. Never pass a secret.
  virtual void debug(const std::string& message) = 0;
  // Progress of long work: `done` units of `total` (0 = unknown) under a short label.
  virtual void progress(const std::string& label, std::uint64_t done, std::uint64_t total) = 0;
  // Progress through bytes of input (an import): `done` of `total` bytes (0 = unknown) of the
  // current file. A terminal shows MB read, the rate and the time left; others may show the counts.
  virtual void progress_bytes(const std::string& label, std::uint64_t done, std::uint64_t total) {
    progress(label, done, total);
  }
  // The progress line is finished (clear it).
  virtual void progress_done() = 0;
};

// A reporter that drops everything: for tests and for library callers that do not care.
class SilentReporter : public Reporter {
 public:
  void warn(const std::string&) override {}
  void debug(const std::string&) override {}
  void progress(const std::string&, std::uint64_t, std::uint64_t) override {}
  void progress_done() override {}
};

}  // namespace shopkeep
