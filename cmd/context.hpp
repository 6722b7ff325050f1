#pragma once
// What every command runs with: the global options, the streams it writes to, and what it needs
// from the world, each made on first use. The config is read only when a command asks for it (so
// `init --config NEW` can create it) and the store is opened only by commands that use one.
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/time.hpp"
#include "io_streams.hpp"
#include "output/format.hpp"
#include "store/db.hpp"
#include "terminal_reporter.hpp"

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
  bool no_pager = false;
  std::vector<std::string> fields;  // --fields a,b,c
};

class Context {
 public:
  // Usage errors for --format and --now are thrown here, before any command runs.
  Context(const GlobalOptions& globals, IoStreams io);

  const GlobalOptions& globals() const { return globals_; }
  const Config& config() const;  // loaded on first use; usage error for a missing or bad file
  output::Format format() const { return format_; }
  // --now (RFC 3339, or a date: midnight in the shop's zone), else the clock.
  Instant now() const;
  bool now_given() const { return now_given_; }
  TerminalReporter& reporter() { return reporter_; }
  std::ostream& out();
  bool out_is_terminal() const { return io_.out_is_terminal; }

  std::filesystem::path store_path() const;
  std::filesystem::path config_path() const;  // where init writes, whether or not it exists
  // The store, created (0600, in a 0700 folder) and migrated when missing: for the commands that
  // bring data in (init, import, sync, demo).
  std::unique_ptr<store::Db> create_store() const;
  // An existing store, migrated; runtime error naming the path when there is none.
  std::unique_ptr<store::Db> open_store() const;

  // A listing in the chosen format (--fields applied); a table fitted to the terminal, with a note on
  // stderr naming what did not fit.
  void write_listing(const output::Json& rows, const output::ListingInfo& info = {});
  void write_object(const output::Json& object);
  // The same for a listing whose rows come one by one (output::ListingWriter); call note_fit with
  // what its finish() returns.
  output::OutputOptions output_options() const;
  void note_fit(const output::TableFit& fit);

  // Ends the command's output: a long table on a terminal goes through the pager ($PAGER, else
  // `less -FRX`), as git and gh do, unless --no-pager.
  void finish();

 private:
  bool paging() const;

  GlobalOptions globals_;
  IoStreams io_;
  std::ostringstream paged_;  // a table's output while it may still need the pager
  mutable std::optional<Config> config_;
  output::Format format_ = output::Format::table;
  std::optional<std::string> now_text_;
  mutable std::optional<Instant> now_;
  bool now_given_ = false;
  mutable TerminalReporter reporter_;  // config() warns about unknown keys on first use
};

}  // namespace shopkeep::cmd
