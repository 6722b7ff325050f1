#include "context.hpp"

#include <unistd.h>

#include <chrono>

#include "core/error.hpp"
#include "store/store.hpp"

namespace shopkeep::cmd {

namespace fs = std::filesystem;

TerminalReporter::TerminalReporter(std::ostream& err, bool quiet, bool verbose, bool progress)
    : err_(err), quiet_(quiet), verbose_(verbose && !quiet), progress_(progress && !quiet) {}

void TerminalReporter::warn(const std::string& message) {
  if (quiet_) return;
  progress_done();
  err_ << "shopkeep: warning: " << message << '\n';
}

void TerminalReporter::debug(const std::string& message) {
  if (!verbose_) return;
  progress_done();
  err_ << "shopkeep: " << message << '\n';
}

void TerminalReporter::info(const std::string& message) {
  if (quiet_) return;
  progress_done();
  err_ << message << '\n';
}

void TerminalReporter::progress(const std::string& label, std::uint64_t done, std::uint64_t total) {
  if (!progress_) return;
  err_ << '\r' << label << ": ";
  if (total > 0) err_ << (done * 100 / total) << "% ";
  err_ << "(" << done << (total ? "/" + std::to_string(total) : "") << ")\x1b[K" << std::flush;
  drawn_ = true;
}

void TerminalReporter::progress_done() {
  if (!drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

namespace {

fs::path default_config_path() {
  if (auto xdg = env_var("XDG_CONFIG_HOME")) return fs::path(*xdg) / "shopkeep" / "config.toml";
  if (auto home = env_var("HOME")) return fs::path(*home) / ".config" / "shopkeep" / "config.toml";
  return fs::path("shopkeep.toml");
}

Config load_config(const GlobalOptions& g) {
  auto explicit_path = g.config ? g.config : env_var("SHOPKEEP_CONFIG");
  if (explicit_path) {
    if (!fs::exists(*explicit_path))
      throw usage_error("config file " + *explicit_path + " does not exist",
                        "create one with: shopkeep init --config " + *explicit_path);
    return Config::load(*explicit_path);
  }
  auto path = default_config_path();
  return fs::exists(path) ? Config::load(path) : Config();
}

}  // namespace

Context::Context(const GlobalOptions& globals)
    : globals_(globals),
      config_(load_config(globals)),
      reporter_(std::cerr, globals.quiet, globals.verbose, !globals.no_progress && ::isatty(STDERR_FILENO)) {
  if (globals.json && globals.format && *globals.format != "json")
    throw usage_error("--json and --format " + *globals.format + " disagree");
  format_ = globals.json ? output::Format::json : output::parse_format(globals.format.value_or("table"));
  auto now_text = globals.now ? globals.now : env_var("SHOPKEEP_NOW");
  if (now_text) {
    auto parsed = parse_rfc3339(*now_text);
    if (!parsed)
      throw usage_error("--now: invalid time '" + *now_text + "'", "use RFC 3339, e.g. 2026-01-31T12:00:00Z");
    now_ = *parsed;
    now_given_ = true;
  } else {
    now_ = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
}

fs::path Context::store_path() const {
  if (auto p = resolve_setting(globals_.db, "SHOPKEEP_DB", config_, "store.path")) return *p;
  return store::default_store_path();
}

fs::path Context::config_path() const {
  if (globals_.config) return *globals_.config;
  if (auto e = env_var("SHOPKEEP_CONFIG")) return *e;
  return default_config_path();
}

std::unique_ptr<store::Db> Context::open_store() const { return store::open_store(store_path()); }

}  // namespace shopkeep::cmd
