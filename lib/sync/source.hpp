#pragma once
// The one source interface: what `shopkeep sync` knows about a source (its name, resources, whether
// it is configured) and how to connect to it and run it. Adding a source = one SourceDef in
// sync/sources.cpp and a folder of its own under lib/ (docs/architecture.md).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "core/reporter.hpp"
#include "http/http_client.hpp"
#include "store/db.hpp"
#include "sync/options.hpp"
#include "sync/tuning.hpp"

namespace shopkeep::sync {

// A connected source, ready to sync.
class Source {
 public:
  virtual ~Source() = default;
  // Runs the asked-for resources in the source's order through a ResourceRunner.
  virtual std::vector<ResourceOutcome> run(store::Db& db, const SyncOptions& options) = 0;
  // The request statistics for the summary line, e.g. "API 2026-10, 12 requests, 0 retries".
  virtual std::string stats() const = 0;
};

struct SourceDef {
  std::string_view name;
  std::vector<std::string> (*resources)();  // every name --resources accepts for it
  bool (*configured)(const Config&);        // its endpoint is set (env or config)
  std::string_view how_to_configure;        // the hint when it is named but not configured
  // Reads credentials from env/config (usage error when missing) and connects (may fetch a token)
  // with an HTTP client made from `http` (the command's --cacert, SHOPKEEP_CA_BUNDLE or config).
  std::unique_ptr<Source> (*connect)(const Config&, const http::ClientOptions& http, const Tuning&, Reporter&);
};

// Every source, in the order a plain `shopkeep sync` runs them.
const std::vector<SourceDef>& sources();
const SourceDef* find_source(std::string_view name);

}  // namespace shopkeep::sync
