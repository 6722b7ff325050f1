#pragma once
// The unified profile behind `customer show`: one person across Shopify and Zendesk, joined by
// normalised email (the `people` view).
#include <nlohmann/json_fwd.hpp>

#include <string>

#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::analytics {

// Throws a runtime error (exit 1) when nobody with that email is stored.
nlohmann::ordered_json customer_profile(store::Db& db, const std::string& email, const store::ShopSettings& shop);

}  // namespace shopkeep::analytics
