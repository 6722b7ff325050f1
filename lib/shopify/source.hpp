#pragma once
// Shopify as a sync source: its connection settings (SHOPIFY_* env or shopify.* config) and the
// Source that runs sync_shopify.
#include "core/config.hpp"
#include "http/http_client.hpp"
#include "shopify/graphql_client.hpp"
#include "sync/source.hpp"

namespace shopkeep::shopify {

// SHOPIFY_SHOP or shopify.shop is set.
bool configured(const Config& config);

// The connection from env/config: an access token, or client credentials (then a token is fetched
// now through `http`). Usage error when the shop URL is invalid or credentials are missing.
Connection connection_from_settings(const Config& config, const sync::Tuning& tuning, http::HttpClient& http);

sync::SourceDef source_def();

}  // namespace shopkeep::shopify
