// libFuzzer target: the TOML config file (docs/configuration.md): parsing, then every key shopkeep
// reads, read as every type a command may ask for. A wrong type or a bad value must be a usage
// error naming the key; nothing else may escape. Seeds: testdata/fuzz/config/.

#include <cstdint>
#include <string>

#include "../fuzz_support.hpp"
#include "core/config.hpp"
#include "core/config_keys.hpp"

namespace {

using shopkeep::Config;

void read_every_way(const Config& config, const std::string& key) {
  using shopkeep::fuzz::expect_clean;
  expect_clean([&] { config.get_string(key); });
  expect_clean([&] { config.get_number(key); });
  expect_clean([&] { config.get_number_in(key, 0.0, 1.0); });
  expect_clean([&] { config.get_integer(key); });
  expect_clean([&] { config.get_bool(key); });
  expect_clean([&] { config.get_string_list(key); });
  expect_clean([&] { config.get_number_table(key); });
  expect_clean([&] { config.table_keys(key); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace shopkeep;
  fuzz::expect_clean([&] {
    Config config = Config::parse(fuzz::as_text(data, size), "config.toml");
    for (std::string_view known : known_config_keys()) {
      std::string key(known);
      if (key.ends_with(".*")) key.resize(key.size() - 2);  // the table itself
      read_every_way(config, key);
    }
    config.unknown_keys();
  });
  return 0;
}
