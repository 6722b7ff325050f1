#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/error.hpp"

namespace shopkeep {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, std::string_view content) {
  fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  fs::path temp = dir / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  auto fail = [&](const std::string& what) {
    std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    throw runtime_error("cannot write " + path.string() + ": " + what + ": " + reason);
  };
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    std::string reason = std::strerror(errno);
    throw runtime_error("cannot write " + path.string() + ": " + reason,
                        fs::is_directory(dir) ? "" : "the folder " + dir.string() + " does not exist");
  }
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("fsync");
  }
  if (::close(fd) != 0) fail("close");
  if (::rename(temp.c_str(), path.c_str()) != 0) fail("rename");
}

}  // namespace shopkeep
