#include "pager.hpp"

#include <sys/wait.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace shopkeep::cmd {

void run_pager(const std::string& text) {
  std::string command = "less -FRX";
  if (const char* p = std::getenv("SHOPKEEP_PAGER"); p && *p)
    command = p;
  else if (const char* q = std::getenv("PAGER"); q && *q)
    command = q;
  if (command == "cat") {
    std::cout << text << std::flush;
    return;
  }
  ::setenv("LESS", "FRX", 0);
  // A reader who quits the pager early must not kill us with SIGPIPE mid-write.
  auto previous = std::signal(SIGPIPE, SIG_IGN);
  FILE* pager = ::popen(command.c_str(), "w");
  if (pager == nullptr) {
    std::cout << text << std::flush;
  } else {
    std::fwrite(text.data(), 1, text.size(), pager);
    int status = ::pclose(pager);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) std::cout << text << std::flush;  // no such pager
  }
  std::signal(SIGPIPE, previous);
}

}  // namespace shopkeep::cmd
