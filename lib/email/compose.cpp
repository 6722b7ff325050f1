#include "email/compose.hpp"

#include "email/mime.hpp"

namespace shopkeep::email {

ComposedMessage compose(TemplateSet& templates, const MessageInput& m, const EmailSettings& s, Instant date) {
  auto parts = templates.render(m, s);
  Envelope e;
  e.from = s.from.value_or(Mailbox{});
  e.to = {m.first_name, m.email};
  e.reply_to = s.reply_to;
  e.message_id = m.message_id;
  e.date = date;
  e.unsubscribe_url = m.unsubscribe_url;
  e.unsubscribe_mailto = m.unsubscribe_mailto;
  ComposedMessage out;
  out.message_id = m.message_id;
  out.subject = header_text(parts.subject);
  out.bytes = compose_message(e, parts);
  return out;
}

}  // namespace shopkeep::email
