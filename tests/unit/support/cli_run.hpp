#pragma once
// In-process runs of the command line, in the manner of gh's iostreams.Test(): each run gets its
// own captured stdout and stderr, and the test a temporary home (XDG_CONFIG_HOME, XDG_DATA_HOME)
// so no real config or store is touched.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "cli.hpp"
#include "io_streams.hpp"

namespace shopkeep::testing {

struct CliResult {
  int code;
  std::string out, err;
};

class CliSandbox {
 public:
  CliSandbox() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("shopkeep-cli-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "SHOPKEEP_CONFIG", "SHOPKEEP_DB", "SHOPKEEP_NOW"}) {
      const char* old = std::getenv(name);
      saved_.push_back({name, old ? std::optional<std::string>(old) : std::nullopt});
      ::unsetenv(name);
    }
    ::setenv("XDG_CONFIG_HOME", (dir_ / "config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (dir_ / "data").c_str(), 1);
  }
  ~CliSandbox() {
    for (const auto& [name, value] : saved_) {
      if (value)
        ::setenv(name.c_str(), value->c_str(), 1);
      else
        ::unsetenv(name.c_str());
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  CliResult run(const std::vector<std::string>& args) {
    cmd::TestStreams streams;
    int code = cmd::run_cli(args, streams.io());
    return {code, streams.out.str(), streams.err.str()};
  }

  std::filesystem::path path(const std::string& name) const { return dir_ / name; }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }

 private:
  std::filesystem::path dir_;
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

}  // namespace shopkeep::testing
