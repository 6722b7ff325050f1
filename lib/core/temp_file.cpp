#include "core/temp_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

#include "core/error.hpp"

namespace shopkeep {

namespace fs = std::filesystem;

namespace {

bool made_by_private_temp_file(const std::string& name, const std::string& prefix, const std::string& suffix) {
  std::string head = prefix + "-", tail = "." + suffix;
  return name.size() == head.size() + 6 + tail.size() && name.compare(0, head.size(), head) == 0 &&
         name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

fs::path private_temp_file(const std::string& prefix, const std::string& suffix) {
  auto folder = fs::temp_directory_path();
  // mkstemps replaces the six X's before the suffix with a unique name.
  std::string path = (folder / (prefix + "-XXXXXX." + suffix)).string();
  int fd = ::mkstemps(path.data(), static_cast<int>(suffix.size() + 1));
  if (fd < 0)
    throw runtime_error("cannot create a temporary file in " + folder.string(), "set TMPDIR to a writable folder");
  ::close(fd);
  return path;
}

int remove_stale_temp_files(const std::string& prefix, const std::string& suffix, std::chrono::hours age) {
  std::error_code ec;
  auto folder = fs::temp_directory_path(ec);
  if (ec) return 0;
  std::time_t cutoff = std::time(nullptr) - static_cast<std::time_t>(std::chrono::seconds(age).count());
  int removed = 0;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!made_by_private_temp_file(it->path().filename().string(), prefix, suffix)) continue;
    struct stat st {};
    // lstat: a link is never followed, nor removed; only our own regular files go.
    if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) continue;
    if (st.st_mtime >= cutoff) continue;
    std::error_code gone;
    if (fs::remove(it->path(), gone)) ++removed;
  }
  return removed;
}

}  // namespace shopkeep
