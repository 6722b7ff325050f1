#include "core/temp_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <string_view>

#include "core/error.hpp"

namespace shopkeep {

namespace fs = std::filesystem;

namespace {

// mkstemps's template: it replaces these six characters of the name with random ones.
constexpr std::string_view kUniquePart = "XXXXXX";

// PREFIX-XXXXXX.SUFFIX, the one name both functions below know.
struct TempName {
  std::string head, tail;
  TempName(const std::string& prefix, const std::string& suffix) : head(prefix + "-"), tail("." + suffix) {}
  std::string pattern() const { return head + std::string(kUniquePart) + tail; }
  bool matches(const std::string& name) const {
    return name.size() == head.size() + kUniquePart.size() + tail.size() && name.starts_with(head) &&
           name.ends_with(tail);
  }
};

}  // namespace

fs::path private_temp_file(const std::string& prefix, const std::string& suffix) {
  auto folder = fs::temp_directory_path();
  TempName name(prefix, suffix);
  std::string path = (folder / name.pattern()).string();
  int fd = ::mkstemps(path.data(), static_cast<int>(name.tail.size()));
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
  TempName name(prefix, suffix);
  int removed = 0;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!name.matches(it->path().filename().string())) continue;
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
