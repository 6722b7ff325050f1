#pragma once
// What every command runs with: the resolved global options, config, clock, output and the
// reporter that draws progress and warnings on stderr.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "core/config.hpp"
#include "core/reporter.hpp"
#include "core/time.hpp"
#include "output/format.hpp"
#include "store/db.hpp"

namespace shopkeep::cmd {

struct GlobalOptions {
  std::optional<std::string> db;
  std::optional<std::string> config;
  std::optional<std::string> format;
  std::optional<std::string> now;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  bool no_progress = false;
};

// Progress and warnings on stderr: progress only on a terminal, nothing but errors with -q.
class TerminalReporter : public Reporter {
 public:
  TerminalReporter(std::ostream& err, bool quiet, bool verbose, bool progress);
  void warn(const std::string& message) override;
  void debug(const std::string& message) override;
  void progress(const std::string& label, std::uint64_t done, std::uint64_t total) override;
  void progress_done() override;
  void info(const std::string& message);  // a human summary line (hidden by -q)

 private:
  std::ostream& err_;
  bool quiet_, verbose_, progress_;
  bool drawn_ = false;
};

class Context {
 public:
  explicit Context(const GlobalOptions& globals);

  const GlobalOptions& globals() const { return globals_; }
  const Config& config() const { return config_; }
  output::Format format() const { return format_; }
  Instant now() const { return now_; }
  bool now_given() const { return now_given_; }
  TerminalReporter& reporter() { return reporter_; }
  std::ostream& out() { return std::cout; }

  std::filesystem::path store_path() const;
  std::filesystem::path config_path() const;  // where init writes, whether or not it exists
  std::unique_ptr<store::Db> open_store() const;

  void write_listing(const output::Json& rows) { output::write_listing(out(), format_, rows); }
  void write_object(const output::Json& object) { output::write_object(out(), format_, object); }

 private:
  GlobalOptions globals_;
  Config config_;
  output::Format format_ = output::Format::table;
  Instant now_;
  bool now_given_ = false;
  TerminalReporter reporter_;
};

}  // namespace shopkeep::cmd
