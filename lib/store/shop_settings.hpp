#pragma once
// The shop's time zone and currency: from the synced/imported `shop` row, else the config
// (shop.timezone, shop.currency), else UTC and the most common order currency.
#include <string>

#include "core/config.hpp"
#include "core/time.hpp"
#include "store/db.hpp"

namespace shopkeep::store {

struct ShopSettings {
  Zone zone;
  std::string currency;  // ISO 4217, e.g. "EUR"; "USD" when nothing says otherwise
  int currency_exponent = 2;
};

ShopSettings load_shop_settings(Db& db, const Config& config);

}  // namespace shopkeep::store
