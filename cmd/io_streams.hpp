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
  size_t width = 0, height = 0;  // of the terminal on stdout (0 when not a terminal)

  // std::cout and std::cerr, with isatty() of each and the terminal's size (COLUMNS and LINES win).
  static IoStreams system();
};

// For tests: output captured in memory, never a terminal.
struct TestStreams {
  std::ostringstream out, err;
  IoStreams io() { return {out, err, false, false, 0, 0}; }
};

}  // namespace shopkeep::cmd
