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
  std::uint64_t commits_before = db_.commits();
  try {
    outcomes_.push_back(work());
  } catch (const UnreachableError& e) {
    record_and_rethrow(resource, at, e.what());
  } catch (const Error& e) {
    if (e.code() == ExitCode::auth) record_and_rethrow(resource, at, e.what());
    error = e.what();
    if (!e.hint().empty()) *error += ": " + e.hint();
  } catch (const std::exception& e) {  // a malformed answer: report, go on with the others
    error = e.what();
  }
  if (error) {
    reporter_.warn(source_ + " " + resource + ": " + *error);
    auto& failed = outcomes_.emplace_back(resource);
    failed.error = error;
    failed.committed = db_.commits() > commits_before;  // pages that committed before the failure
  }
  store::record_attempt(db_, source_, resource, at, error);
  reporter_.progress_done();
}

void ResourceRunner::record_and_rethrow(const std::string& resource, const std::string& at, const std::string& error) {
  // The source stops here (wrong credentials, or a host that cannot be reached): the attempt is
  // still recorded, so `status` shows why.
  store::record_attempt(db_, source_, resource, at, error);
  reporter_.progress_done();
  throw;
}

}  // namespace shopkeep::sync
