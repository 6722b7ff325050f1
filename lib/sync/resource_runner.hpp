#pragma once
// Runs a source's resources one after another with the same rules for both sources: only those
// asked for, each attempt recorded in sync_state (time and error), an auth failure or an unreachable
// host rethrown at once (every other resource would fail the same way), any other failure kept in
// the resource's outcome (with whether it committed pages before failing) while the next one goes on.
#include <functional>
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "store/db.hpp"
#include "sync/options.hpp"

namespace shopkeep::sync {

class ResourceRunner {
 public:
  ResourceRunner(store::Db& db, Reporter& reporter, const SyncOptions& options, std::string source);

  // Whether --resources asks for `resource` (everything when it is empty).
  bool wanted(const std::string& resource) const;

  // Runs `work` for `resource` under the rules above.
  void run(const std::string& resource, const std::function<ResourceOutcome()>& work);

  std::vector<ResourceOutcome>& outcomes() { return outcomes_; }

 private:
  [[noreturn]] void record_and_rethrow(const std::string& resource, const std::string& at, const std::string& error);

  store::Db& db_;
  Reporter& reporter_;
  const SyncOptions& options_;
  std::string source_;
  std::vector<ResourceOutcome> outcomes_;
};

}  // namespace shopkeep::sync
