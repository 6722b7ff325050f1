#include "sync/resource_runner.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "store/sync_state.hpp"

namespace shopkeep::sync {

ResourceRunner::ResourceRunner(store::Db& db, Reporter& reporter, const SyncOptions& options, std::string source)
    : db_(db), reporter_(reporter), options_(options), source_(std::move(source)) {}

bool ResourceRunner::wanted(const std::string& resource) const {
  const auto& asked = options_.resources;
  return asked.empty() || std::find(asked.begin(), asked.end(), resource) != asked.end();
}

void ResourceRunner::run(const std::string& resource, const std::function<ResourceOutcome()>& work) {
  std::string at = format_rfc3339(options_.now);
  std::optional<std::string> error;
  try {
    outcomes_.push_back(work());
  } catch (const Error& e) {
    if (e.code() == ExitCode::auth) throw;
    error = e.what();
  } catch (const std::exception& e) {  // a malformed answer: report, go on with the others
    error = e.what();
  }
  if (error) {
    reporter_.warn(source_ + " " + resource + ": " + *error);
    outcomes_.emplace_back(resource).error = error;
  }
  store::record_attempt(db_, source_, resource, at, error);
  reporter_.progress_done();
}

}  // namespace shopkeep::sync
