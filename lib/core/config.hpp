#pragma once
// The TOML config file. Values are looked up by dotted key ("shopify.shop"); precedence
// (flag > env > config) is applied by the caller, which knows about flags and env.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shopkeep {

class Config {
 public:
  Config();  // empty: every lookup misses
  ~Config();
  Config(Config&&) noexcept;
  Config& operator=(Config&&) noexcept;

  // Parses `path`; throws a usage error naming file, line and column on bad TOML.
  static Config load(const std::filesystem::path& path);
  // Parses TOML text (built-in defaults); `name` stands for the path in errors.
  static Config parse(std::string_view text, const std::string& name);

  std::optional<std::string> get_string(const std::string& dotted_key) const;
  // Usage errors name the file, the line, the key and the value.
  std::optional<double> get_number(const std::string& dotted_key) const;  // finite: nan and inf refused
  // A finite number from low to high (inclusive); high = max(): no upper bound.
  std::optional<double> get_number_in(const std::string& dotted_key, double low,
                                      double high = std::numeric_limits<double>::max()) const;
  std::optional<std::int64_t> get_integer(const std::string& dotted_key) const;
  std::optional<bool> get_bool(const std::string& dotted_key) const;
  // Every key of the table at `dotted_key` with its number ({} when there is no such table), for
  // tables keyed by names a dotted path cannot spell ("Acme Co." = 21). Throws a usage error for a
  // value that is not a number.
  std::vector<std::pair<std::string, double>> get_number_table(const std::string& dotted_key) const;
  // An array of strings; a usage error names the key when it is something else.
  std::optional<std::vector<std::string>> get_string_list(const std::string& dotted_key) const;
  // The keys of a table (e.g. the names of the [support.categories.*] tables), sorted; empty when
  // there is no such table; a usage error when the key holds something else.
  std::vector<std::string> table_keys(const std::string& dotted_key) const;
  const std::filesystem::path& path() const { return path_; }

  // Keys the file sets that shopkeep does not read, each as "file:line: unknown key 'a.b'" with a
  // did-you-mean when a known key is close.
  std::vector<std::string> unknown_keys() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::filesystem::path path_;
};

// Value of an environment variable, nullopt when unset or empty.
std::optional<std::string> env_var(const char* name);

// Flag > env > config: the first that has a value.
std::optional<std::string> resolve_setting(const std::optional<std::string>& flag, const char* env_name,
                                           const Config& config, const std::string& config_key);

// The commented template `shopkeep init` writes.
std::string config_template();

}  // namespace shopkeep
