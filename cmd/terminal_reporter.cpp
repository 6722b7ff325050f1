#include "terminal_reporter.hpp"

#include <fmt/format.h>

#include <string>

#include "output/format.hpp"

namespace shopkeep::cmd {

TerminalReporter::TerminalReporter(std::ostream& err, bool quiet, bool verbose, bool progress)
    : err_(err), quiet_(quiet), verbose_(verbose && !quiet), progress_(progress && !quiet) {}

void TerminalReporter::warn(const std::string& message) {
  if (quiet_) return;
  clear_line();
  err_ << "shopkeep: warning: " << output::visible_text(message, true) << '\n';
}

void TerminalReporter::debug(const std::string& message) {
  if (!verbose_) return;
  clear_line();
  err_ << "shopkeep: " << output::visible_text(message, true) << '\n';
}

void TerminalReporter::info(const std::string& message) {
  if (quiet_) return;
  clear_line();
  err_ << output::visible_text(message, true) << '\n';
}

void TerminalReporter::progress(const std::string& label, std::uint64_t done, std::uint64_t total) {
  if (!progress_) return;
  err_ << '\r' << output::visible_text(label) << ": ";
  if (total > 0) err_ << (done * 100 / total) << "% ";
  err_ << "(" << done << (total ? "/" + std::to_string(total) : "") << ")\x1b[K" << std::flush;
  drawn_ = true;
}

// "import orders.jsonl: 45% 120.3/267.0 MB, 85.2 MB/s, 2s left". The rate is the wall clock's
// (a display, not a computation: --now does not apply).
void TerminalReporter::progress_bytes(const std::string& label, std::uint64_t done, std::uint64_t total) {
  if (!progress_) return;
  auto now = std::chrono::steady_clock::now();
  if (!bytes_started_) bytes_started_ = now;
  double seconds = std::chrono::duration<double>(now - *bytes_started_).count();
  double mb = static_cast<double>(done) / 1e6, total_mb = static_cast<double>(total) / 1e6;
  err_ << '\r' << label << ": ";
  if (total > 0)
    err_ << fmt::format("{}% {:.1f}/{:.1f} MB", done * 100 / total, mb, total_mb);
  else
    err_ << fmt::format("{:.1f} MB", mb);
  if (seconds >= 0.5 && done > 0) {
    double rate = mb / seconds;
    err_ << fmt::format(", {:.1f} MB/s", rate);
    if (total > done) err_ << fmt::format(", {:.0f}s left", (total_mb - mb) / rate);
  }
  err_ << "\x1b[K" << std::flush;
  drawn_ = true;
}

void TerminalReporter::progress_done() {
  bytes_started_.reset();
  clear_line();
}

void TerminalReporter::clear_line() {
  if (!drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace shopkeep::cmd
