#include "email/context.hpp"

namespace shopkeep::email {

namespace {

using Data = kainjow::mustache::data;

Data flag(bool value) { return Data(value ? Data::type::bool_true : Data::type::bool_false); }

// Optional text: false when empty, so that {{#key}}...{{/key}} shows only what exists (kainjow
// counts an empty string as true) while {{key}} still renders nothing.
Data text(const std::string& value) { return value.empty() ? flag(false) : Data(value); }

Data items_data(const std::vector<ItemView>& items) {
  Data list(Data::type::list);
  for (const auto& i : items) {
    Data item;
    item.set("product_id", std::to_string(i.product_id));
    item.set("title", i.title);
    item.set("variant", text(i.variant));
    item.set("quantity", std::to_string(i.quantity));
    item.set("unit_price", text(i.unit_price));
    item.set("price", text(i.price));
    item.set("image_url", text(i.image_url));
    item.set("product_url", text(i.product_url));
    item.set("reason", text(i.reason));
    list.push_back(item);
  }
  return list;
}

// The line under the subject in the inbox list: what the message is about, in a few words.
std::string preheader(const MessageInput& m) {
  std::string offer = incentive_words(m.incentive);
  std::string tail =
      offer.empty() ? "" : " " + offer + (m.discount_code.empty() ? "" : " with code " + m.discount_code) + ".";
  if (m.campaign == "cart-recovery") return "Your cart is saved and waiting for you." + tail;
  if (m.campaign == "winback") return "It has been a while: here is what is new for you." + tail;
  if (m.campaign == "refill") return "Time for a refill? Your favourites are one click away." + tail;
  if (m.campaign == "cross-sell") return "Make the most of your order with these picks." + tail;
  return tail;
}

}  // namespace

std::string incentive_words(const analytics::campaigns::Incentive& incentive) {
  using Kind = analytics::campaigns::Incentive::Kind;
  switch (incentive.kind) {
    case Kind::none: return "";
    case Kind::free_shipping: return "free shipping";
    case Kind::percent: return std::to_string(incentive.percent) + "% off";
  }
  return "";
}

kainjow::mustache::data mustache_context(const MessageInput& m, const EmailSettings& s) {
  Data d;
  d.set("campaign", m.campaign);
  d.set("step", std::to_string(m.step));
  d.set("reminder", flag(m.step > 1));
  d.set("email", m.email);
  d.set("has_first_name", flag(!m.first_name.empty()));
  d.set("first_name", m.first_name.empty() ? s.first_name_fallback : m.first_name);
  Data shop;
  shop.set("name", s.shop_name);
  shop.set("url", text(s.shop_url));
  d.set("shop", shop);
  d.set("preheader", preheader(m));
  d.set("items", items_data(m.items));
  d.set("has_items", flag(!m.items.empty()));
  d.set("total", text(m.total));
  d.set("recovery_url", text(m.recovery_url));
  Data incentive;
  incentive.set("text", text(incentive_words(m.incentive)));
  incentive.set("offered", flag(m.incentive.offered()));
  incentive.set("free_shipping", flag(m.incentive.kind == analytics::campaigns::Incentive::Kind::free_shipping));
  incentive.set("percent", m.incentive.kind == analytics::campaigns::Incentive::Kind::percent
                               ? Data(std::to_string(m.incentive.percent))
                               : flag(false));
  d.set("incentive", incentive);
  d.set("discount_code", text(m.discount_code));
  d.set("recommendations", items_data(m.recommendations));
  d.set("has_recommendations", flag(!m.recommendations.empty()));
  d.set("unsubscribe_url", text(m.unsubscribe_url));
  d.set("unsubscribe_mailto", text(m.unsubscribe_mailto));
  d.set("postal_address", s.postal_address);
  d.set("reply_to", text(s.reply_to ? s.reply_to->address : std::string()));
  return d;
}

}  // namespace shopkeep::email
