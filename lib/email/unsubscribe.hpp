#pragma once
// The unsubscribe links of a message (RFC 2369 List-Unsubscribe, RFC 8058 one-click): the
// configured https URL with the person's token filled in, and a mailto: address.
#include <string>

namespace shopkeep::email {

// A usage error unless `url` is https:// with no placeholders but {{token}}, {{email}}, {{campaign}}.
void validate_unsubscribe_url(const std::string& url);

// "unsubscribe@shop.example" -> "mailto:unsubscribe@shop.example?subject=unsubscribe"; a mailto: URL is
// kept (its address checked). A usage error naming email.unsubscribe_mailto otherwise.
std::string mailto_url(const std::string& text);

// The person's token: the first 32 hex digits of HMAC-SHA256(secret, normalised email). The same in
// every message to them, so one click unsubscribes the person; recorded in email_log.unsubscribe_token.
std::string unsubscribe_token(const std::string& secret, const std::string& email);

// The URL with {{token}}, {{email}} and {{campaign}} filled in (percent-encoded).
std::string expand_unsubscribe_url(const std::string& url, const std::string& token, const std::string& email,
                                   const std::string& campaign);

}  // namespace shopkeep::email
