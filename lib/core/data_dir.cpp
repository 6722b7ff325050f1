#include "core/data_dir.hpp"

#include "core/config.hpp"
#include "core/error.hpp"

#ifndef SHOPKEEP_BUILD_DIR
#define SHOPKEEP_BUILD_DIR ""
#endif
#ifndef SHOPKEEP_BUILD_SOURCE_DIR
#define SHOPKEEP_BUILD_SOURCE_DIR ""
#endif

namespace shopkeep {

namespace fs = std::filesystem;

namespace {

bool same_folder(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return !a.empty() && !b.empty() && fs::equivalent(a, b, ec);
}

}  // namespace

fs::path resolve_data_dir(const DataDirInputs& in) {
  if (in.env) {
    if (!fs::is_directory(*in.env))
      throw runtime_error("SHOPKEEP_DATA_DIR: " + in.env->string() + " is not a folder",
                          "point it at the folder that holds templates/ (e.g. /usr/share/shopkeep)");
    return *in.env;
  }
  if (in.executable) {
    fs::path bin = in.executable->parent_path();
    fs::path installed = bin.parent_path() / "share" / "shopkeep";
    if (fs::is_directory(installed)) return installed;
    if (same_folder(bin, in.build_dir) && fs::is_directory(in.source_dir)) return in.source_dir;
  }
  throw runtime_error("cannot find shopkeep's data folder (share/shopkeep beside the binary's bin/ folder)",
                      "reinstall, or set SHOPKEEP_DATA_DIR to the folder that holds templates/");
}

fs::path data_dir() {
  DataDirInputs in;
  if (auto env = env_var("SHOPKEEP_DATA_DIR")) in.env = fs::path(*env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) in.executable = exe;
  in.build_dir = SHOPKEEP_BUILD_DIR;
  in.source_dir = SHOPKEEP_BUILD_SOURCE_DIR;
  return resolve_data_dir(in);
}

fs::path default_templates_dir() { return data_dir() / "templates"; }

}  // namespace shopkeep
