#pragma once
// The steps of `shopkeep demo`, in order. Each analysis adds one entry: it computes its result on
// the demo store, and returns the JSON to save as DIR/<name>.json and a one-line summary.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "context.hpp"
#include "output/format.hpp"
#include "store/db.hpp"

namespace shopkeep::cmd {

struct DemoRun {
  Context& ctx;
  store::Db& db;
  Instant now;
  std::filesystem::path dir;
};

struct DemoResult {
  output::Json json;
  std::string summary;
};

struct DemoStep {
  const char* name;
  std::function<DemoResult(DemoRun&)> run;
};

const std::vector<DemoStep>& demo_steps();

}  // namespace shopkeep::cmd
