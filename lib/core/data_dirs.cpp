#include "core/data_dirs.hpp"

#ifndef SHOPKEEP_SOURCE_TEMPLATES
#define SHOPKEEP_SOURCE_TEMPLATES ""
#endif

namespace shopkeep {

namespace fs = std::filesystem;

fs::path executable_path() {
  std::error_code ec;
  auto path = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : path;
}

std::vector<fs::path> template_root_candidates() {
  std::vector<fs::path> out;
  auto exe = executable_path();
  if (!exe.empty())
    out.push_back((exe.parent_path().parent_path() / "share" / "shopkeep" / "templates").lexically_normal());
  std::string source = SHOPKEEP_SOURCE_TEMPLATES;
  if (!source.empty()) out.emplace_back(source);
  return out;
}

std::optional<fs::path> default_template_root() {
  for (const auto& dir : template_root_candidates()) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return dir;
  }
  return std::nullopt;
}

}  // namespace shopkeep
