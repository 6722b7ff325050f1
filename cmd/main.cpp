// The executable: the command line of cli.cpp on the process's own streams.
#include <string>
#include <vector>

#include "cli.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return shopkeep::cmd::run_cli(args, shopkeep::cmd::IoStreams::system());
}
