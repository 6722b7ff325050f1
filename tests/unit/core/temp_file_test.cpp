#include "core/temp_file.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace shopkeep;

namespace {

// TMPDIR pointed at a fresh folder for the test, put back after.
struct TempFolder {
  fs::path dir;
  std::string saved;
  bool had = false;
  TempFolder() {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("shopkeep-unit-temp-" + std::to_string(rd()));
    fs::create_directories(dir);
    if (const char* t = std::getenv("TMPDIR")) had = true, saved = t;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TempFolder() {
    if (had)
      ::setenv("TMPDIR", saved.c_str(), 1);
    else
      ::unsetenv("TMPDIR");
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path file(const std::string& name, std::time_t age_seconds) const {
    auto path = dir / name;
    std::ofstream(path) << "x";
    struct utimbuf times {};
    times.actime = times.modtime = std::time(nullptr) - age_seconds;
    ::utime(path.c_str(), &times);
    return path;
  }
};

}  // namespace

TEST_CASE("private temp files: 0600, the prefix and suffix asked for, never the same name") {
  TempFolder tmp;
  auto a = private_temp_file("shopkeep-bulk-orders", "jsonl");
  auto b = private_temp_file("shopkeep-bulk-orders", "jsonl");
  CHECK(a != b);
  CHECK(a.parent_path() == tmp.dir);
  CHECK(a.filename().string().rfind("shopkeep-bulk-orders-", 0) == 0);
  CHECK(a.extension() == ".jsonl");
  struct stat st {};
  REQUIRE(::stat(a.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("stale temp files: only our old ones of that name go") {
  TempFolder tmp;
  const std::time_t day = 24 * 3600;
  auto old_one = tmp.file("shopkeep-bulk-orders-Ab3xYz.jsonl", 2 * day);
  auto fresh = tmp.file("shopkeep-bulk-orders-Qw7rTy.jsonl", 60);
  auto other_resource = tmp.file("shopkeep-bulk-customers-Ab3xYz.jsonl", 2 * day);
  auto other_name = tmp.file("shopkeep-bulk-orders-longer-name.jsonl", 2 * day);
  auto target = tmp.file("precious.txt", 2 * day);
  fs::create_symlink(target, tmp.dir / "shopkeep-bulk-orders-Link00.jsonl");
  CHECK(remove_stale_temp_files("shopkeep-bulk-orders", "jsonl", std::chrono::hours{24}) == 1);
  CHECK_FALSE(fs::exists(old_one));
  CHECK(fs::exists(fresh));
  CHECK(fs::exists(other_resource));
  CHECK(fs::exists(other_name));
  CHECK(fs::exists(target));  // a link is neither followed nor removed
  CHECK(fs::is_symlink(tmp.dir / "shopkeep-bulk-orders-Link00.jsonl"));
}
