#pragma once
// Where a command's output goes and whether each stream is a terminal: the process's own streams
// in main, string streams in the in-process command tests (as gh's iostreams.Test()).
#include <iostream>
#include <sstream>

namespace shopkeep::cmd {

struct IoStreams {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;

  // std::cout and std::cerr, with isatty() of each.
  static IoStreams system();
};

// For tests: output captured in memory, never a terminal.
struct TestStreams {
  std::ostringstream out, err;
  IoStreams io() { return {out, err, false, false}; }
};

}  // namespace shopkeep::cmd
