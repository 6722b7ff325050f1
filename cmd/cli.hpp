#pragma once
// The whole command line as a function: parse, run the chosen command, turn every error into its
// message and exit code. main() calls it with the process's streams; tests call it in-process.
#include <string>
#include <vector>

#include "io_streams.hpp"

namespace shopkeep::cmd {

// Runs `shopkeep ARGS...` (without the program name); returns the exit code.
int run_cli(const std::vector<std::string>& args, IoStreams io);

}  // namespace shopkeep::cmd
