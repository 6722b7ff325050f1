#include "email/settings.hpp"

#include <openssl/rand.h>

#include "core/email_address.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "email/unsubscribe.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::email {

namespace {

std::string trimmed(std::string s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(s.begin());
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

// The store's own key for unsubscribe tokens, made once from 32 random bytes.
std::string store_secret(store::Db& db) {
  store::Stmt find(db, "SELECT key FROM email_secret WHERE id = 1");
  if (find.step()) return find.get_text(0);
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw runtime_error("cannot draw a random unsubscribe key");
  static const char* hex = "0123456789abcdef";
  std::string key;
  for (unsigned char b : bytes) key += {hex[b >> 4], hex[b & 15]};
  store::Stmt insert(db, "INSERT OR IGNORE INTO email_secret (id, key, created_at) VALUES (1, ?1, ?2)");
  insert.bind(1, key).bind(2,
                           format_rfc3339(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
  insert.run();
  return store_secret(db);
}

std::string shop_column(store::Db& db, const char* column) {
  store::Stmt s(db, std::string("SELECT coalesce(") + column + ", '') FROM shop ORDER BY id LIMIT 1");
  return s.step() ? s.get_text(0) : std::string();
}

}  // namespace

Mailbox parse_mailbox(const std::string& input, const std::string& what) {
  std::string text = trimmed(input);
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      throw usage_error(what + " contains a control character", "one line: \"Name <address@example.com>\"");
  Mailbox m;
  auto open = text.rfind('<');
  if (open != std::string::npos && !text.empty() && text.back() == '>') {
    m.address = trimmed(text.substr(open + 1, text.size() - open - 2));
    m.name = trimmed(text.substr(0, open));
    if (m.name.size() >= 2 && m.name.front() == '"' && m.name.back() == '"')
      m.name = m.name.substr(1, m.name.size() - 2);
  } else {
    m.address = text;
  }
  if (!is_valid_email(m.address))
    throw usage_error(what + ": '" + text + "' is not an email address", "e.g. \"Shop <hello@shop.example>\"");
  return m;
}

EmailSettings load_email_settings(const Config& config, store::Db& db, const store::ShopSettings& shop,
                                  const std::optional<std::string>& from_flag,
                                  const std::optional<std::string>& reply_to_flag) {
  EmailSettings s;
  if (auto from = from_flag ? from_flag : config.get_string("email.from"))
    s.from = parse_mailbox(*from, from_flag ? "--from" : "config email.from");
  if (auto reply = reply_to_flag ? reply_to_flag : config.get_string("email.reply_to"))
    s.reply_to = parse_mailbox(*reply, reply_to_flag ? "--reply-to" : "config email.reply_to");
  s.postal_address = trimmed(config.get_string("email.postal_address").value_or(""));
  if (auto url = config.get_string("email.unsubscribe_url")) {
    s.unsubscribe_url = trimmed(*url);
    validate_unsubscribe_url(s.unsubscribe_url);
  }
  if (auto mailto = config.get_string("email.unsubscribe_mailto")) s.unsubscribe_mailto = mailto_url(*mailto);
  s.unsubscribe_secret = config.get_string("email.unsubscribe_secret").value_or("");
  if (s.unsubscribe_secret.empty() && !s.unsubscribe_url.empty()) s.unsubscribe_secret = store_secret(db);
  if (auto fallback = config.get_string("email.first_name_fallback")) s.first_name_fallback = *fallback;
  s.shop_name = shop_column(db, "name");
  if (s.shop_name.empty()) s.shop_name = config.get_string("email.shop_name").value_or("");
  if (auto url = config.get_string("email.shop_url")) {
    s.shop_url = trimmed(*url);
    if (s.shop_url.rfind("https://", 0) != 0)
      throw usage_error("bad config email.shop_url: '" + s.shop_url + "'", "an https:// URL");
  } else if (auto domain = shop_column(db, "myshopify_domain"); !domain.empty()) {
    s.shop_url = "https://" + domain;
  }
  if (s.shop_name.empty() && s.from) s.shop_name = s.from->name;
  s.currency = shop.currency;
  s.currency_exponent = shop.currency_exponent;
  return s;
}

void require_complete(const EmailSettings& s) {
  if (!s.from) throw usage_error("no sender address", "set email.from in the config (or --from)");
  if (s.postal_address.empty())
    throw usage_error("no postal address for the footer of marketing mail", "set email.postal_address in the config");
  if (s.unsubscribe_url.empty() && s.unsubscribe_mailto.empty())
    throw usage_error(
        "no way to unsubscribe",
        "set email.unsubscribe_url (https, with {{token}}) and/or email.unsubscribe_mailto in the config");
}

}  // namespace shopkeep::email
