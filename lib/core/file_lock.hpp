#pragma once
// An exclusive advisory lock on a file (flock), so two syncs (or two email sends) of one store never
// run at once.
#include <chrono>
#include <string>

namespace shopkeep {

class FileLock {
 public:
  // Waits up to `patience` for the lock, then throws a runtime error saying who holds it; `what`
  // names the work the lock guards in that message ("another sync of this store is running").
  FileLock(const std::string& path, std::chrono::seconds patience, const std::string& what = "sync");
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace shopkeep
