#pragma once
// RFC 5322 messages, composed with GMime 3: multipart/alternative (text, then HTML), UTF-8 with
// RFC 2047 encoded headers, quoted-printable bodies, Date, a stable Message-ID, List-Unsubscribe
// (RFC 2369) and List-Unsubscribe-Post (RFC 8058, with an https URL). Control characters in the data
// (CR and LF above all) are replaced before any of it reaches a header, so data never starts one.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.hpp"
#include "email/settings.hpp"
#include "email/templates.hpp"

namespace shopkeep::email {

struct Envelope {
  Mailbox from, to;
  std::optional<Mailbox> reply_to;
  std::string message_id;  // without angle brackets
  Instant date;
  std::string unsubscribe_url;                               // https; enables one-click unsubscribe
  std::string unsubscribe_mailto;                            // mailto:
  std::vector<std::pair<std::string, std::string>> headers;  // further headers (names are ours, not data)
};

// The message as it goes on the wire: CRLF line ends, 7-bit clean.
std::string compose_message(const Envelope& envelope, const RenderedParts& parts);

// Text fit for a header: valid UTF-8 (bad bytes become U+FFFD), every control character a space,
// runs of spaces collapsed, trimmed.
std::string header_text(std::string_view text);

// "<32 hex digits>@<domain>": SHA-256 of campaign, normalised recipient and subject key, so a
// message has the same Message-ID however often it is rendered.
std::string message_id(const std::string& campaign, const std::string& email, const std::string& subject_key,
                       const std::string& domain);

// Initialises GMime once (thread-safe; call before rendering on several threads).
void init_mime();

}  // namespace shopkeep::email
