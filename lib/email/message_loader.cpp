#include "email/message_loader.hpp"

#include <unordered_map>

#include "analytics/campaigns/incentive.hpp"
#include "core/money.hpp"
#include "email/mime.hpp"
#include "email/price.hpp"
#include "email/unsubscribe.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::email {

namespace {

struct Product {
  std::string title, url, image_url, variant;
  std::optional<std::int64_t> price;  // minor units: the cheapest live variant
};

std::int64_t minor(const std::optional<std::string>& text, int exponent) {
  return text ? parse_minor_units(*text, exponent).value_or(0) : 0;
}

}  // namespace

std::string safe_url(const std::string& url) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return "";
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' ||
        c == '\\')
      return "";
  return url;
}

struct MessageLoader::Products {
  std::unordered_map<std::int64_t, Product> by_id;
  store::Stmt checkout_lines, order_lines, last_line;

  explicit Products(store::Db& db, const EmailSettings& s)
      : checkout_lines(db,
                       "SELECT product_id, coalesce(title, ''), coalesce(variant_title, ''), coalesce(quantity, 1), "
                       "unit_price FROM checkout_lines WHERE checkout_id = ?1 ORDER BY id"),
        order_lines(db,
                    "SELECT l.product_id, coalesce(l.title, ''), coalesce(v.title, ''), "
                    "coalesce(l.current_quantity, l.quantity, 1), l.unit_price FROM order_lines l "
                    "LEFT JOIN variants v ON v.id = l.variant_id WHERE l.order_id = ?1 ORDER BY l.id"),
        last_line(db,
                  "SELECT coalesce(v.title, ''), coalesce(l.current_quantity, l.quantity, 1), l.unit_price "
                  "FROM counted_orders o JOIN order_lines l ON l.order_id = o.id "
                  "LEFT JOIN variants v ON v.id = l.variant_id "
                  "WHERE o.customer_id = ?1 AND l.product_id = ?2 ORDER BY o.ordered_at DESC, l.id LIMIT 1") {
    store::Stmt products(
        db,
        "SELECT p.id, coalesce(p.title, ''), coalesce(p.handle, ''), coalesce(p.online_store_url, ''), "
        "(SELECT coalesce(json_extract(m.raw, '$.image.url'), json_extract(m.raw, "
        "'$.preview.image.url')) FROM media m WHERE m.product_id = p.id AND m.media_type = 'IMAGE' "
        "ORDER BY m.id LIMIT 1) FROM products p WHERE p.deleted_at IS NULL");
    while (products.step()) {
      Product p;
      p.title = products.get_text(1);
      std::string url = products.get_text(3);
      if (url.empty() && !s.shop_url.empty() && !products.get_text(2).empty())
        url = s.shop_url + "/products/" + products.get_text(2);
      p.url = safe_url(url);
      p.image_url = products.is_null(4) ? "" : safe_url(products.get_text(4));
      by_id[products.get_int(0)] = std::move(p);
    }
    store::Stmt prices(db,
                       "SELECT product_id, price, title, count(*) OVER (PARTITION BY product_id) FROM variants "
                       "WHERE deleted_at IS NULL AND price IS NOT NULL ORDER BY product_id, CAST(price AS REAL) DESC");
    while (prices.step()) {
      auto it = by_id.find(prices.get_int(0));
      if (it == by_id.end()) continue;
      it->second.price = minor(prices.get_opt_text(1), s.currency_exponent);  // the last (cheapest) wins
      if (prices.get_int(3) == 1 && prices.get_text(2) != "Default Title") it->second.variant = prices.get_text(2);
    }
  }
};

MessageLoader::MessageLoader(store::Db& db, const Config& config, const EmailSettings& settings)
    : config_(config), settings_(settings), products_(std::make_unique<Products>(db, settings)) {}

MessageLoader::~MessageLoader() = default;

MessageInput MessageLoader::load(const analytics::campaigns::PlanRow& row) {
  namespace c = analytics::campaigns;
  const auto& s = settings_;
  auto price = [&](std::int64_t amount) { return format_price(amount, s.currency, s.currency_exponent); };
  auto product_view = [&](std::int64_t id) {
    ItemView v;
    v.product_id = id;
    if (auto it = products_->by_id.find(id); it != products_->by_id.end()) {
      v.title = it->second.title;
      v.variant = it->second.variant;
      v.product_url = it->second.url;
      v.image_url = it->second.image_url;
      if (it->second.price) v.price = v.unit_price = price(*it->second.price);
    }
    return v;
  };
  auto lines = [&](store::Stmt& stmt, std::int64_t id, std::vector<ItemView>& into, std::int64_t& total) {
    stmt.reset();
    stmt.bind(1, id);
    while (stmt.step()) {
      ItemView v = stmt.is_null(0) ? ItemView{} : product_view(stmt.get_int(0));
      if (!stmt.get_text(1).empty()) v.title = stmt.get_text(1);
      v.variant = stmt.get_text(2) == "Default Title" ? "" : stmt.get_text(2);
      v.quantity = stmt.get_int(3);
      std::int64_t unit = minor(stmt.get_opt_text(4), s.currency_exponent);
      v.unit_price = price(unit);
      v.price = price(unit * v.quantity);
      total += unit * v.quantity;
      into.push_back(std::move(v));
    }
  };

  MessageInput m;
  m.campaign = row.campaign;
  m.target_key = row.target_key;
  m.subject_key = row.subject_key();
  m.customer_id = row.customer_id;
  m.email = privacy::normalise_email(row.email);
  m.first_name = row.first_name;
  m.step = row.step.value_or(1);
  m.planned_at = row.planned_at;
  m.incentive = c::parse_incentive(row.incentive, "the plan's incentive");
  auto fallback = s.fallback_discount_codes.find(c::discount_code_key(m.incentive));
  if (auto code = c::discount_code(config_, row.campaign, m.incentive))
    m.discount_code = header_text(*code);
  else if (fallback != s.fallback_discount_codes.end())
    m.discount_code = header_text(fallback->second);
  else if (m.incentive.offered())
    missing_codes_.insert("email.discount_codes." + c::discount_code_key(m.incentive));

  std::int64_t total = 0;
  if (row.checkout_id) {
    lines(products_->checkout_lines, *row.checkout_id, m.items, total);
    m.total = price(total);
    m.recovery_url = safe_url(row.recovery_url.value_or(""));
  } else if (row.campaign == c::kind_name(c::Kind::refill)) {
    for (std::int64_t id : row.items) {
      ItemView v = product_view(id);
      if (row.customer_id) {
        auto& last = products_->last_line;
        last.reset();
        last.bind(1, *row.customer_id).bind(2, id);
        if (last.step()) {
          if (!last.get_text(0).empty() && last.get_text(0) != "Default Title") v.variant = last.get_text(0);
          v.quantity = last.get_int(1);
          if (!last.is_null(2)) {
            std::int64_t unit = minor(last.get_opt_text(2), s.currency_exponent);
            v.unit_price = price(unit);
            v.price = price(unit * v.quantity);
          }
        }
      }
      m.items.push_back(std::move(v));
    }
  } else {
    if (row.target_key.rfind("order:", 0) == 0)
      lines(products_->order_lines, std::stoll(row.target_key.substr(6)), m.items, total);
    for (std::int64_t id : row.items) m.recommendations.push_back(product_view(id));
  }

  if (!s.unsubscribe_url.empty()) {
    m.unsubscribe_token = unsubscribe_token(s.unsubscribe_secret, m.email);
    m.unsubscribe_url = expand_unsubscribe_url(s.unsubscribe_url, m.unsubscribe_token, m.email, row.campaign);
  }
  m.unsubscribe_mailto = s.unsubscribe_mailto;
  std::string domain = s.from ? s.from->address.substr(s.from->address.rfind('@') + 1) : "shopkeep.invalid";
  m.message_id = message_id(row.campaign, m.email, m.subject_key, domain);
  return m;
}

}  // namespace shopkeep::email
