#include "core/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <thread>

#include "core/error.hpp"

namespace shopkeep {

FileLock::FileLock(const std::string& path, std::chrono::seconds patience, const std::string& what) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw runtime_error("cannot open lock file " + path + ": " + std::strerror(errno));
  auto deadline = std::chrono::steady_clock::now() + patience;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      char holder[32] = {0};
      if (::pread(fd_, holder, sizeof holder - 1, 0) < 0) holder[0] = 0;
      ::close(fd_);
      fd_ = -1;
      throw runtime_error("another " + what + " of this store is running" +
                              (holder[0] ? " (pid " + std::string(holder) + ")" : std::string()),
                          "wait for it to finish; cron jobs should not overlap");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The pid is only a courtesy for the message of a waiting sync.
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
}

}  // namespace shopkeep
