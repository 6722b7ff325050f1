#include "store/shop_settings.hpp"

#include "core/error.hpp"
#include "core/money.hpp"

namespace shopkeep::store {

namespace {

// The zone, with the config file named when that is where a bad name came from.
Zone zone_named(const std::string& name, const std::string& config_file) {
  try {
    return Zone(name);
  } catch (const Error& e) {
    if (config_file.empty()) throw;
    throw usage_error("bad config " + config_file + ": shop.timezone: " + e.what(), e.hint());
  }
}

}  // namespace

ShopSettings load_shop_settings(Db& db, const Config& config) {
  std::optional<std::string> timezone, currency;
  Stmt shop(db, "SELECT timezone, currency FROM shop ORDER BY synced_at DESC LIMIT 1");
  if (shop.step()) {
    timezone = shop.get_opt_text(0);
    currency = shop.get_opt_text(1);
  }
  bool from_config = false;
  if (!timezone && (timezone = config.get_string("shop.timezone"))) from_config = true;
  if (!currency) currency = config.get_string("shop.currency");
  if (!currency) {
    Stmt common(db,
                "SELECT currency FROM orders WHERE currency IS NOT NULL "
                "GROUP BY currency ORDER BY count(*) DESC LIMIT 1");
    if (common.step()) currency = common.get_text(0);
  }
  ShopSettings settings{zone_named(timezone.value_or("UTC"), from_config ? config.path().string() : ""),
                        currency.value_or("USD")};
  settings.currency_exponent = currency_exponent(settings.currency);
  return settings;
}

}  // namespace shopkeep::store
