#include "terminal_reporter.hpp"

#include <string>

#include "output/format.hpp"

namespace shopkeep::cmd {

TerminalReporter::TerminalReporter(std::ostream& err, bool quiet, bool verbose, bool progress)
    : err_(err), quiet_(quiet), verbose_(verbose && !quiet), progress_(progress && !quiet) {}

void TerminalReporter::warn(const std::string& message) {
  if (quiet_) return;
  progress_done();
  err_ << "shopkeep: warning: " << output::visible_text(message, true) << '\n';
}

void TerminalReporter::debug(const std::string& message) {
  if (!verbose_) return;
  progress_done();
  err_ << "shopkeep: " << output::visible_text(message, true) << '\n';
}

void TerminalReporter::info(const std::string& message) {
  if (quiet_) return;
  progress_done();
  err_ << output::visible_text(message, true) << '\n';
}

void TerminalReporter::progress(const std::string& label, std::uint64_t done, std::uint64_t total) {
  if (!progress_) return;
  err_ << '\r' << output::visible_text(label) << ": ";
  if (total > 0) err_ << (done * 100 / total) << "% ";
  err_ << "(" << done << (total ? "/" + std::to_string(total) : "") << ")\x1b[K" << std::flush;
  drawn_ = true;
}

void TerminalReporter::progress_done() {
  if (!drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace shopkeep::cmd
