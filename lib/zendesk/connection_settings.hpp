#pragma once
// Zendesk's connection from env/config (ZENDESK_* or zendesk.*): the base URL from a subdomain or
// a URL, and API-token or OAuth credentials. Used by the sync and by `support triage --apply`.
#include <optional>
#include <string>

#include "core/config.hpp"
#include "sync/tuning.hpp"
#include "zendesk/api_client.hpp"

namespace shopkeep::zendesk {

// ZENDESK_URL / zendesk.url or ZENDESK_SUBDOMAIN / zendesk.subdomain is set.
bool configured(const Config& config);

// https://SUBDOMAIN.zendesk.com, or the configured URL (http:// only to loopback). Usage error when
// neither is set or the value is malformed.
std::string base_url_from_settings(const Config& config);

// The base URL when Zendesk is configured, nullopt otherwise (for agent links: BASE/agent/tickets/ID).
std::optional<std::string> base_url_if_configured(const Config& config);

// The whole connection; usage error when credentials are missing or a setting is malformed.
Connection connection_from_settings(const Config& config, const sync::Tuning& tuning);

}  // namespace shopkeep::zendesk
