#pragma once
// `sync shopify`: paginated, incremental pulls of each resource into the store. Each page and the
// cursor that follows it commit in one transaction, so a crash at any moment loses nothing and a
// rerun converges to the same store.
#include <optional>
#include <string>
#include <vector>

#include "core/reporter.hpp"
#include "core/time.hpp"
#include "shopify/graphql_client.hpp"
#include "store/db.hpp"
#include "sync/options.hpp"
#include "sync/tuning.hpp"

namespace shopkeep::shopify {

// Resources in order (shop first), through sync::ResourceRunner. First syncs and --full go through
// bulk operations unless tuning.shopify_bulk is off (tests turn it off to exercise pagination).
std::vector<sync::ResourceOutcome> sync_shopify(store::Db& db, GraphqlClient& client, http::HttpClient& http,
                                                http::Sleeper& sleeper, Reporter& reporter,
                                                const sync::SyncOptions& options, const sync::Tuning& tuning);

// Every resource name --resources accepts.
std::vector<std::string> shopify_resource_names();

}  // namespace shopkeep::shopify
