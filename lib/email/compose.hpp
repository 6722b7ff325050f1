#pragma once
// One planned message, from its MessageInput to the bytes of an RFC 5322 message: templates
// rendered, envelope made from the settings, MIME composed.
#include <string>

#include "core/time.hpp"
#include "email/message.hpp"
#include "email/settings.hpp"
#include "email/templates.hpp"

namespace shopkeep::email {

struct ComposedMessage {
  std::string message_id;  // without angle brackets
  std::string subject;
  std::string bytes;  // CRLF line ends
};

ComposedMessage compose(TemplateSet& templates, const MessageInput& message, const EmailSettings& settings,
                        Instant date);

}  // namespace shopkeep::email
