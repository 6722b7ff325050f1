#include "store/shop_settings.hpp"

#include "core/money.hpp"

namespace shopkeep::store {

ShopSettings load_shop_settings(Db& db, const Config& config) {
  std::optional<std::string> timezone, currency;
  Stmt shop(db, "SELECT timezone, currency FROM shop ORDER BY synced_at DESC LIMIT 1");
  if (shop.step()) {
    timezone = shop.get_opt_text(0);
    currency = shop.get_opt_text(1);
  }
  if (!timezone) timezone = config.get_string("shop.timezone");
  if (!currency) currency = config.get_string("shop.currency");
  if (!currency) {
    Stmt common(db,
                "SELECT currency FROM orders WHERE currency IS NOT NULL "
                "GROUP BY currency ORDER BY count(*) DESC LIMIT 1");
    if (common.step()) currency = common.get_text(0);
  }
  ShopSettings settings{Zone(timezone.value_or("UTC")), currency.value_or("USD")};
  settings.currency_exponent = currency_exponent(settings.currency);
  return settings;
}

}  // namespace shopkeep::store
