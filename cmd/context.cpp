#include "context.hpp"

#include <chrono>

#include "core/error.hpp"
#include "store/store.hpp"

namespace shopkeep::cmd {

namespace fs = std::filesystem;

namespace {

fs::path default_config_path() {
  if (auto xdg = env_var("XDG_CONFIG_HOME")) return fs::path(*xdg) / "shopkeep" / "config.toml";
  if (auto home = env_var("HOME")) return fs::path(*home) / ".config" / "shopkeep" / "config.toml";
  return fs::path("shopkeep.toml");
}

std::optional<std::string> explicit_config(const GlobalOptions& g) {
  return g.config ? g.config : env_var("SHOPKEEP_CONFIG");
}

Instant parse_now(const std::string& text) {
  auto parsed = parse_rfc3339(text);
  if (!parsed) throw usage_error("--now: invalid time '" + text + "'", "use RFC 3339, e.g. 2026-01-31T12:00:00Z");
  return *parsed;
}

}  // namespace

Context::Context(const GlobalOptions& globals, IoStreams io)
    : globals_(globals),
      io_(io),
      reporter_(io.err, globals.quiet, globals.verbose, !globals.no_progress && io.err_is_terminal) {
  if (globals.json && globals.format && *globals.format != "json")
    throw usage_error("--json and --format " + *globals.format + " disagree");
  format_ = globals.json ? output::Format::json : output::parse_format(globals.format.value_or("table"));
  if (auto text = globals.now ? globals.now : env_var("SHOPKEEP_NOW")) {
    now_ = parse_now(*text);
    now_given_ = true;
  } else {
    now_ = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
}

const Config& Context::config() const {
  if (config_) return *config_;
  if (auto given = explicit_config(globals_)) {
    if (!fs::exists(*given))
      throw usage_error("config file " + *given + " does not exist",
                        "create one with: shopkeep init --config " + *given);
    config_ = Config::load(*given);
  } else {
    auto path = default_config_path();
    config_ = fs::exists(path) ? Config::load(path) : Config();
  }
  return *config_;
}

fs::path Context::store_path() const {
  if (auto p = resolve_setting(globals_.db, "SHOPKEEP_DB", config(), "store.path")) return *p;
  return store::default_store_path();
}

fs::path Context::config_path() const {
  if (auto path = explicit_config(globals_)) return *path;
  return default_config_path();
}

std::unique_ptr<store::Db> Context::create_store() const { return store::open_store(store_path()); }

std::unique_ptr<store::Db> Context::open_store() const {
  auto path = store_path();
  if (!fs::exists(path))
    throw runtime_error("no store at " + path.string(), "run 'shopkeep init' or 'shopkeep import'");
  return store::open_store(path);
}

}  // namespace shopkeep::cmd
