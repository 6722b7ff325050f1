#pragma once
// Long output on a terminal through a pager, as git and gh do: $SHOPKEEP_PAGER, else $PAGER, else
// `less -FRX` (LESS=FRX when unset: quit when it fits, keep colours, leave the screen as it was).
#include <string>

namespace shopkeep::cmd {

// Writes `text` through the pager (to stdout directly when none can be started).
void run_pager(const std::string& text);

}  // namespace shopkeep::cmd
