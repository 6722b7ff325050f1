#include "io_streams.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace shopkeep::cmd {

namespace {

size_t from_env(const char* name, size_t fallback) {
  const char* v = std::getenv(name);
  long n = v ? std::atol(v) : 0;
  return n > 0 ? static_cast<size_t>(n) : fallback;
}

}  // namespace

IoStreams IoStreams::system() {
  IoStreams io{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1, 0, 0};
  if (io.out_is_terminal) {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) io.width = size.ws_col, io.height = size.ws_row;
    io.width = from_env("COLUMNS", io.width ? io.width : 80);
    io.height = from_env("LINES", io.height ? io.height : 24);
  }
  return io;
}

}  // namespace shopkeep::cmd
