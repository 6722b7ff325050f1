#include "context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "pager.hpp"

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

// "~/shop.db" as a shell would read it (a TOML value is not expanded by the shell).
fs::path expand_home(const std::string& path) {
  if (path == "~" || path.rfind("~/", 0) == 0)
    if (auto home = env_var("HOME")) return fs::path(*home) / path.substr(path.size() > 1 ? 2 : 1);
  return path;
}

std::optional<std::string> explicit_config(const GlobalOptions& g) {
  return g.config ? g.config : env_var("SHOPKEEP_CONFIG");
}

void check_now(const std::string& text) {
  if (!parse_rfc3339(text) && !parse_date(text))
    throw usage_error("--now: invalid time '" + text + "'",
                      "use RFC 3339 (2026-01-31T12:00:00Z) or a date (2026-01-31)");
}

// The shop's zone without opening the store for writing: its shop row, else the config, else UTC.
Zone shop_zone(const fs::path& store, const Config& config) {
  if (fs::exists(store)) {
    try {
      store::Db db(store.string(), store::Db::Mode::read_only);
      store::Stmt s(db, "SELECT timezone FROM shop WHERE timezone IS NOT NULL ORDER BY synced_at DESC LIMIT 1");
      if (s.step()) return Zone(s.get_text(0));
    } catch (const std::exception&) {  // a store not migrated yet has no shop table
    }
  }
  return Zone(config.get_string("shop.timezone").value_or("UTC"));
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
    check_now(*text);
    now_text_ = text;
    now_given_ = true;
  } else {
    now_ = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
}

Instant Context::now() const {
  if (now_) return *now_;
  if (auto t = parse_rfc3339(*now_text_))
    now_ = *t;
  else
    now_ = shop_zone(store_path(), config()).start_of_day(*parse_date(*now_text_));
  return *now_;
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
  for (const auto& warning : config_->unknown_keys()) reporter_.warn(warning);
  return *config_;
}

fs::path Context::store_path() const {
  if (auto p = resolve_setting(globals_.db, "SHOPKEEP_DB", config(), "store.path")) return expand_home(*p);
  return store::default_store_path();
}

fs::path Context::config_path() const {
  if (auto path = explicit_config(globals_)) return *path;
  return default_config_path();
}

bool Context::paging() const {
  return io_.out_is_terminal && format_ == output::Format::table && !globals_.no_pager && io_.height > 0;
}

output::OutputOptions Context::output_options() const {
  output::OutputOptions o;
  o.format = format_;
  o.fields = globals_.fields;
  o.width = io_.out_is_terminal ? io_.width : 0;
  return o;
}

std::ostream& Context::out() { return paging() ? paged_ : io_.out; }

void Context::write_listing(const output::Json& rows, const output::ListingInfo& info) {
  note_fit(output::write_listing(out(), output_options(), rows, info));
}

void Context::note_fit(const output::TableFit& fit) {
  if (!fit.hidden_columns.empty())
    reporter_.info(fmt::format("({} more columns: {}; widen the terminal, or use --fields or --format csv)",
                               fit.hidden_columns.size(), fmt::join(fit.hidden_columns, ", ")));
}

void Context::write_object(const output::Json& object) { output::write_object(out(), output_options(), object); }

void Context::finish() {
  if (!paging()) {
    io_.out.flush();
    if (!io_.out) throw runtime_error("cannot write to standard output", "is the disk full?");
    return;
  }
  std::string text = paged_.str();
  paged_.str("");
  size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  if (lines < io_.height) {
    io_.out << text << std::flush;
    return;
  }
  io_.out.flush();
  run_pager(text);
  if (!io_.out) throw runtime_error("cannot write to standard output", "is the disk full?");
}

std::unique_ptr<store::Db> Context::create_store() const { return store::open_store(store_path()); }

std::unique_ptr<store::Db> Context::open_store() const {
  auto path = store_path();
  if (!fs::exists(path))
    throw runtime_error("no store at " + path.string(), "run 'shopkeep init' or 'shopkeep import'");
  return store::open_store(path);
}

}  // namespace shopkeep::cmd
