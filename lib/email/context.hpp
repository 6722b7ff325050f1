#pragma once
// The template context of a message (documented key by key in docs/email.md). Every key is always
// present (false, "" or [] when it does not apply), so that a template naming anything else is an
// error, never a blank.
#include <kainjow/mustache.hpp>

#include "email/message.hpp"
#include "email/settings.hpp"

namespace shopkeep::email {

kainjow::mustache::data mustache_context(const MessageInput& message, const EmailSettings& settings);

// "10% off", "free shipping", "" (none).
std::string incentive_words(const analytics::campaigns::Incentive& incentive);

}  // namespace shopkeep::email
