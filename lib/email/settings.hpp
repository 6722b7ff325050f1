#pragma once
// What every message of the shop carries, from the config's [email] table (and the flags of
// `email send`): sender, reply address, the postal address marketing mail must show, the ways to
// unsubscribe, the shop's name and address on the web.
#include <map>
#include <optional>
#include <string>

#include "core/config.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::email {

struct Mailbox {
  std::string name;     // display name, may be empty
  std::string address;  // a valid address (core/email_address.hpp)
};

// "Name <addr@x>", "\"Name, Inc\" <addr@x>" or "addr@x"; a usage error naming `what` otherwise.
Mailbox parse_mailbox(const std::string& text, const std::string& what);

struct EmailSettings {
  std::optional<Mailbox> from;      // --from, email.from
  std::optional<Mailbox> reply_to;  // --reply-to, email.reply_to
  std::string postal_address;       // email.postal_address
  std::string unsubscribe_url;      // email.unsubscribe_url: https, with {{token}} (and {{email}}, {{campaign}})
  std::string unsubscribe_mailto;   // email.unsubscribe_mailto: an address or a mailto: URL
  std::string unsubscribe_secret;   // email.unsubscribe_secret, else the store's own key
  std::string first_name_fallback = "there";  // email.first_name_fallback
  std::string shop_name;                      // the shop row's name, else email.shop_name
  std::string shop_url;                       // email.shop_url, else https://<myshopify domain>
  std::string currency;
  int currency_exponent = 2;
  // Codes for offers the config has no code for ("percent_10" -> "SAVE10"); the demo fills these.
  std::map<std::string, std::string> fallback_discount_codes;
};

// Reads the settings; flags beat the config. Creates the store's unsubscribe key on first use
// when the config sets none. Usage errors name the key of a bad value.
EmailSettings load_email_settings(const Config& config, store::Db& db, const store::ShopSettings& shop,
                                  const std::optional<std::string>& from_flag = std::nullopt,
                                  const std::optional<std::string>& reply_to_flag = std::nullopt);

// What a message needs before one is written: a sender, the postal address and a way to
// unsubscribe. A usage error naming the missing config key otherwise.
void require_complete(const EmailSettings& settings);

}  // namespace shopkeep::email
