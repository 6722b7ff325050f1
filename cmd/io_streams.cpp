#include "io_streams.hpp"

#include <unistd.h>

namespace shopkeep::cmd {

IoStreams IoStreams::system() {
  return {std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1};
}

}  // namespace shopkeep::cmd
