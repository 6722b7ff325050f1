#pragma once
// Progress and warnings on stderr: progress only on a terminal, nothing but errors with -q.
#include <chrono>
#include <optional>
#include <ostream>

#include "core/reporter.hpp"

namespace shopkeep::cmd {

class TerminalReporter : public Reporter {
 public:
  TerminalReporter(std::ostream& err, bool quiet, bool verbose, bool progress);
  void warn(const std::string& message) override;
  void debug(const std::string& message) override;
  void progress(const std::string& label, std::uint64_t done, std::uint64_t total) override;
  void progress_bytes(const std::string& label, std::uint64_t done, std::uint64_t total) override;
  void progress_done() override;
  void info(const std::string& message);  // a human summary line (hidden by -q)

 private:
  void clear_line();  // the progress line, not its clock (a warning in the middle keeps the rate)

  std::ostream& err_;
  bool quiet_, verbose_, progress_;
  bool drawn_ = false;
  // When the current byte progress started, for its rate and time left.
  std::optional<std::chrono::steady_clock::time_point> bytes_started_;
};

}  // namespace shopkeep::cmd
