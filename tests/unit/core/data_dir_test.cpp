#include "core/data_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "core/error.hpp"

namespace fs = std::filesystem;
using shopkeep::DataDirInputs;
using shopkeep::resolve_data_dir;

namespace {

// A scratch folder, removed afterwards.
struct Scratch {
  fs::path root;
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "shopkeep-data-dir.XXXXXX").string();
    root = ::mkdtemp(pattern.data());
  }
  ~Scratch() { fs::remove_all(root); }
  fs::path dir(const std::string& relative) const {
    fs::create_directories(root / relative);
    return root / relative;
  }
};

}  // namespace

TEST_CASE("an installed binary finds PREFIX/share/shopkeep beside its bin/ folder") {
  Scratch s;
  s.dir("usr/bin");
  auto share = s.dir("usr/share/shopkeep");
  DataDirInputs in;
  in.executable = s.root / "usr/bin/shopkeep";
  CHECK(resolve_data_dir(in) == share);
}

TEST_CASE("a binary in its build folder finds the source tree") {
  Scratch s;
  auto build = s.dir("src/build");
  auto source = s.dir("src");
  DataDirInputs in;
  in.executable = build / "shopkeep";
  in.build_dir = build;
  in.source_dir = source;
  CHECK(resolve_data_dir(in) == source);
}

TEST_CASE("SHOPKEEP_DATA_DIR beats both, and must be a folder") {
  Scratch s;
  s.dir("usr/bin");
  s.dir("usr/share/shopkeep");
  auto mine = s.dir("mine");
  DataDirInputs in;
  in.executable = s.root / "usr/bin/shopkeep";
  in.env = mine;
  CHECK(resolve_data_dir(in) == mine);
  in.env = s.root / "missing";
  CHECK_THROWS_AS(resolve_data_dir(in), shopkeep::Error);
}

TEST_CASE("a binary copied elsewhere, without share/, is told about SHOPKEEP_DATA_DIR") {
  Scratch s;
  DataDirInputs in;
  in.executable = s.dir("elsewhere") / "shopkeep";
  in.build_dir = s.dir("build");
  in.source_dir = s.dir("src");
  try {
    resolve_data_dir(in);
    FAIL("expected an error");
  } catch (const shopkeep::Error& e) {
    CHECK(e.code() == shopkeep::ExitCode::runtime);
    CHECK(e.hint().find("SHOPKEEP_DATA_DIR") != std::string::npos);
  }
}
