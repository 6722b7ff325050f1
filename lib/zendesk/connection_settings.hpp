#pragma once
// The Zendesk connection from the environment and the config (cli.md "Credentials and endpoints"):
// ZENDESK_URL / zendesk.url or ZENDESK_SUBDOMAIN / zendesk.subdomain; ZENDESK_EMAIL +
// ZENDESK_API_TOKEN or ZENDESK_OAUTH_TOKEN (and their zendesk.* keys). The environment beats the
// config file.
#include <optional>
#include <string>

#include "core/config.hpp"
#include "zendesk/api_client.hpp"

namespace shopkeep::zendesk {

// True when a subdomain or URL is set.
bool zendesk_configured(const Config& config);

// "https://acme.zendesk.com", or the configured URL (http:// only to loopback). Throws a usage error
// for a bad value, or when nothing is configured.
std::string zendesk_base_url(const Config& config);

// The base URL when Zendesk is configured, nullopt otherwise (agent links, e.g. BASE/agent/tickets/ID).
std::optional<std::string> zendesk_base_url_if_configured(const Config& config);

// Base URL, credentials (a usage error when missing), timeout (SHOPKEEP_HTTP_TIMEOUT), export
// limit (zendesk.export_requests_per_minute) and, for tests only, the rate-limit minute
// (SHOPKEEP_ZENDESK_MINUTE_MS).
Connection connection_from_settings(const Config& config);

}  // namespace shopkeep::zendesk
