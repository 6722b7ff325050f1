#include "demo/commerce.hpp"

#include <algorithm>
#include <cmath>

#include "core/money.hpp"
#include "core/time.hpp"
#include "demo/json_line.hpp"
#include "demo/output_file.hpp"

namespace shopkeep::demo {

namespace {

constexpr std::int64_t kDay = 86400;
constexpr const char* kCurrency = "EUR";

struct Line {
  const Product* product;
  const Variant* variant;
  std::int64_t quantity;
};

std::string gid(const char* type, std::int64_t id) {
  return "gid://shopify/" + std::string(type) + "/" + std::to_string(id);
}

// Seasonality: November and December sell about twice as much as an average month.
double season_weight(std::int64_t t) {
  auto day =
      std::chrono::sys_days{std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{t}})};
  unsigned month = static_cast<unsigned>(std::chrono::year_month_day{day}.month());
  static const double weight[] = {0.8, 0.75, 0.9, 0.95, 1.0, 0.85, 0.8, 0.85, 1.0, 1.1, 1.9, 2.0};
  return weight[month - 1];
}

std::int64_t seasonal_time(Rng& rng, std::int64_t from, std::int64_t to) {
  if (to <= from) return from;
  for (;;) {
    std::int64_t t = from + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(to - from)));
    if (rng.uniform() * 2.0 < season_weight(t)) return t;
  }
}

const Variant& pick_variant(Rng& rng, const Product& p) { return p.variants[rng.below(p.variants.size())]; }

class CommerceWriter {
 public:
  CommerceWriter(const std::filesystem::path& dir, Rng& rng, const std::vector<Product>& catalog,
                 const CommercePlan& plan)
      : rng_(rng),
        catalog_(catalog),
        plan_(plan),
        picker_(popularity_weights(rng, catalog)),
        customers_(dir / "customers.jsonl"),
        orders_(dir / "orders.jsonl"),
        checkouts_(dir / "checkouts.jsonl") {
    for (size_t i = 0; i < catalog.size(); ++i)
      if (catalog[i].consumable) consumables_.push_back(i);
    returned_quota_ = plan.checkouts * 3 / 10;
    double total = 0;
    for (std::int64_t t = plan.start; t < plan.end; t += kDay) season_cdf_.push_back(total += season_weight(t));
  }

  void customer(Person& p) {
    std::vector<std::int64_t> times = timeline(p.orders);
    std::int64_t spend = 0;
    size_t refill = consumables_.empty() || p.orders < 3 || !rng_.chance(0.5)
                        ? SIZE_MAX
                        : consumables_[picker_.pick(rng_) % consumables_.size()];
    for (size_t k = 0; k < times.size(); ++k) spend += order(&p, times[k], refill, k == 0);
    std::int64_t created =
        times.empty() ? seasonal_time(rng_, plan_.start, plan_.end) : times.front() - rng_.between(0, 30) * kDay;
    write_customer(p, created, times.empty() ? created : times.back(), spend);
  }

  void guest_orders(std::uint64_t count) {
    for (std::uint64_t g = 0; g < count; ++g)
      order(nullptr, warp(static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(plan_.end - plan_.start)))),
            SIZE_MAX, true);
  }

  // The abandoned checkouts no order followed (the rest were written before their orders).
  void abandoned(const std::vector<Person>& people) {
    while (counts_.checkouts < plan_.checkouts) {
      const Person* p = rng_.chance(0.05) || people.empty() ? nullptr : &people[rng_.below(people.size())];
      std::int64_t t =
          rng_.chance(0.12) ? plan_.end - rng_.between(3600, 7 * kDay) : plan_.end - rng_.between(7 * kDay, 365 * kDay);
      std::vector<Line> lines = basket(SIZE_MAX);
      checkout(p, t - rng_.between(300, 3600), t, lines, std::nullopt);
    }
  }

  const CommerceCounts& counts() const { return counts_; }
  void close() {
    customers_.close();
    orders_.close();
    checkouts_.close();
  }

 private:
  // Order times for one customer: refill rhythms or irregular gaps. They are laid out in an even
  // "uniform time", wrapped around the history (so every part of it is covered alike and the count
  // stays exact) and then warped through the seasonal curve, which crowds November and December.
  std::vector<std::int64_t> timeline(std::uint32_t n) {
    std::vector<std::int64_t> times;
    if (n == 0) return times;
    const std::int64_t history = plan_.end - plan_.start;
    double mean_gap = std::min(75.0, static_cast<double>(history) / kDay / (n + 1));
    std::int64_t u = static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(history)));
    times.push_back(warp(u));
    for (std::uint32_t k = 1; k < n; ++k) {
      double days =
          rng_.chance(0.6) ? std::max(5.0, rng_.normal(std::min(30.0, mean_gap), 4)) : rng_.exponential(mean_gap) + 1;
      u = (u + static_cast<std::int64_t>(days * kDay)) % history;
      times.push_back(warp(u));
    }
    std::sort(times.begin(), times.end());
    return times;
  }

  // Uniform time -> calendar time, through the cumulative seasonal weight of each day.
  std::int64_t warp(std::int64_t u) const {
    double target = static_cast<double>(u) / static_cast<double>(plan_.end - plan_.start) * season_cdf_.back();
    auto it = std::upper_bound(season_cdf_.begin(), season_cdf_.end(), target);
    std::int64_t day =
        std::min<std::int64_t>(it - season_cdf_.begin(), static_cast<std::int64_t>(season_cdf_.size()) - 1);
    double before = day ? season_cdf_[day - 1] : 0.0;
    double fraction = (target - before) / (season_cdf_[day] - before);
    return std::min(plan_.end - 1, plan_.start + day * kDay + static_cast<std::int64_t>(fraction * kDay));
  }

  std::vector<Line> basket(size_t refill) {
    std::vector<Line> lines;
    auto add = [&](size_t index) {
      const Product& p = catalog_[index];
      for (const auto& l : lines)
        if (l.product == &p) return;
      lines.push_back({&p, &pick_variant(rng_, p), rng_.chance(0.15) ? rng_.between(2, 3) : 1});
    };
    size_t first = refill != SIZE_MAX ? refill : picker_.pick(rng_);
    add(first);
    if (rng_.chance(0.35)) add(catalog_[first].companion);
    while (lines.size() < 5 && rng_.chance(0.25)) add(picker_.pick(rng_));
    return lines;
  }

  void money_lines(JsonLine& j, const char* key, std::int64_t amount) { j.money(key, cents(amount), kCurrency); }

  // sku, quantity, variant, product and original unit price: what order and checkout lines share.
  void line_item_fields(const Line& l) {
    if (l.variant->sku.empty())
      j_.null("sku");
    else
      j_.str("sku", l.variant->sku);
    j_.num("quantity", l.quantity)
        .raw("variant", "{\"id\":" + JsonLine::quote(gid("ProductVariant", l.variant->id)) + "}")
        .raw("product", "{\"id\":" + JsonLine::quote(gid("Product", l.product->id)) + "}");
    money_lines(j_, "originalUnitPriceSet", l.variant->price);
  }

  std::int64_t order(Person* p, std::int64_t t, size_t refill, bool first_order) {
    std::vector<Line> lines = basket(refill);
    std::int64_t gross = 0;
    for (const auto& l : lines) gross += l.variant->price * l.quantity;
    std::string code;
    if (first_order && rng_.chance(0.12))
      code = "WELCOME10";
    else if (rng_.chance(0.08))
      code = rng_.chance(0.5) ? "SUMMER15" : "BLACKFRIDAY20";
    int percent = code.empty() ? 0 : code == "WELCOME10" ? 10 : code == "SUMMER15" ? 15 : 20;
    // SUMMER15 takes 15% off each line (a line-level code discount, in the lines' discounted totals
    // with code discounts); WELCOME10 and BLACKFRIDAY20 take their share off the whole order (an
    // order-level discount: cartDiscountAmountSet, the lines keep their price).
    bool line_level = code == "SUMMER15";
    std::int64_t discount = gross * percent / 100;
    std::int64_t subtotal = gross - discount;
    std::int64_t shipping = subtotal >= 5000 ? 0 : 490;
    std::int64_t total = subtotal + shipping;
    bool test = rng_.chance(0.004);
    bool cancelled = !test && rng_.chance(0.015);
    double r = rng_.uniform();
    // A full refund returns everything (shipping included); a partial one, one unit of the first line.
    bool full_refund = cancelled || r < 0.025, partial_refund = !full_refund && r < 0.04;
    const Line& returned = lines.front();
    std::int64_t returned_unit = returned.variant->price * (100 - percent) / 100;  // after its share of the discount
    std::int64_t refunded = full_refund ? total : partial_refund ? returned_unit : 0;
    std::int64_t id = 5100000000 + static_cast<std::int64_t>(counts_.orders) * 3;
    // What the main random stream did not decide (attribution, refund dates) comes from a stream of
    // the order's own, so the rest of the shop stays as it was.
    Rng side(static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL ^ plan_.start);
    std::uint64_t number = 1001 + counts_.orders;
    ++counts_.orders;
    // Some orders came back after an abandoned checkout of the same basket.
    if (p != nullptr && returned_written_ < returned_quota_ &&
        rng_.chance(static_cast<double>(returned_quota_) / (plan_.orders + 1) * 1.5)) {
      ++returned_written_;
      std::int64_t abandoned_at = t - rng_.between(2 * 3600, 48 * 3600);
      checkout(p, abandoned_at - rng_.between(300, 3600), abandoned_at, lines,
               rng_.chance(0.5) ? std::optional(t) : std::nullopt);
    }
    bool recent = plan_.end - t < 3 * kDay;
    bool stuck = !recent && rng_.chance(0.004);  // paid long ago, never shipped: an audit finding
    std::string financial = refunded == total && refunded > 0 ? "REFUNDED"
                            : refunded > 0                    ? "PARTIALLY_REFUNDED"
                                                              : "PAID";
    std::string fulfillment = cancelled ? "UNFULFILLED" : (recent || stuck) ? "UNFULFILLED" : "FULFILLED";
    std::int64_t updated = std::min(plan_.end, t + rng_.between(600, 5 * kDay));

    j_.begin().str("id", gid("Order", id)).str("name", "#" + std::to_string(number));
    if (p)
      j_.str("email", p->email);
    else
      j_.str("email", "guest" + std::to_string(number) + "@mail.example");
    j_.str("createdAt", iso_time(t)).str("updatedAt", iso_time(updated)).str("processedAt", iso_time(t));
    if (cancelled)
      j_.str("cancelledAt", iso_time(std::min(plan_.end, t + 3600)));
    else
      j_.null("cancelledAt");
    if (fulfillment == "FULFILLED")
      j_.str("closedAt", iso_time(updated));
    else
      j_.null("closedAt");
    j_.boolean("test", test)
        .str("currencyCode", kCurrency)
        .str("displayFinancialStatus", financial)
        .str("displayFulfillmentStatus", fulfillment);
    if (p)
      j_.raw("customer", "{\"id\":" + JsonLine::quote(gid("Customer", p->id)) + "}");
    else
      j_.null("customer");
    j_.raw("discountCodes", code.empty() ? "[]" : "[" + JsonLine::quote(code) + "]");
    bool web = rng_.chance(0.9);
    j_.raw("tags", "[]").str("sourceName", web ? "web" : "pos");
    money_lines(j_, "totalPriceSet", total);
    money_lines(j_, "subtotalPriceSet", subtotal);
    money_lines(j_, "totalDiscountsSet", discount);
    money_lines(j_, "cartDiscountAmountSet", line_level ? 0 : discount);
    money_lines(j_, "totalTaxSet", total * 19 / 119);
    money_lines(j_, "totalShippingPriceSet", shipping);
    money_lines(j_, "totalRefundedSet", refunded);
    money_lines(j_, "totalRefundedShippingSet", full_refund ? shipping : 0);
    if (web)
      journey(side, first_order);
    else
      j_.null("customerJourneySummary");  // point of sale: no online visit
    if (refunded > 0) {
      std::int64_t at = cancelled ? std::min(plan_.end, t + 3600) : t + side.between(3600, std::max<std::int64_t>(3600, updated - t));
      std::string refund_id = JsonLine::quote(gid("Refund", 1700000000 + id));
      std::string when = JsonLine::quote(iso_time(at));
      j_.raw("refunds", "[{\"id\":" + refund_id + ",\"createdAt\":" + when + ",\"processedAt\":" + when +
                            ",\"totalRefundedSet\":{\"shopMoney\":{\"amount\":" + JsonLine::quote(cents(refunded)) +
                            ",\"currencyCode\":\"" + kCurrency + "\"}}}]");
    } else {
      j_.raw("refunds", "[]");
    }
    orders_.line(j_.end());

    std::int64_t allocated = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      std::int64_t line_gross = l.variant->price * l.quantity;
      std::int64_t line_discount =
          !line_level ? 0 : i + 1 == lines.size() ? discount - allocated : line_gross * percent / 100;
      allocated += line_discount;
      // currentQuantity leaves out refunded units: none after a full refund, one fewer on the
      // returned line after a partial one.
      std::int64_t current = full_refund ? 0 : partial_refund && i == 0 ? l.quantity - 1 : l.quantity;
      j_.begin()
          .str("id", gid("LineItem", 13000000000 + static_cast<std::int64_t>(counts_.line_items++)))
          .str("name", l.product->title + (l.variant->title == "Default Title" ? "" : " - " + l.variant->title));
      line_item_fields(l);
      j_.num("currentQuantity", current);
      money_lines(j_, "discountedTotalSet", line_gross - line_discount);
      j_.str("__parentId", gid("Order", id));
      orders_.line(j_.end());
    }
    return cancelled || test ? 0 : total - refunded;
  }

  // customerJourneySummary of an online order: where the first and the last visit came from.
  void journey(Rng& side, bool first_order) {
    std::int64_t days = first_order ? side.between(0, 14) : side.between(0, 3);
    j_.open("customerJourneySummary").num("daysToConversion", days);
    visit(side, "firstVisit", first_order ? side.below(6) : side.below(7));
    visit(side, "lastVisit", side.below(7));
    j_.close();
  }

  void visit(Rng& side, const char* key, std::uint64_t kind) {
    struct Source {
      const char *source, *type, *utm_source, *medium, *campaign, *referrer;
    };
    static const Source kSources[] = {
        {"google", "SEO", nullptr, nullptr, nullptr, "https://www.google.com/"},
        {"google", "AD", "google", "cpc", "brand", "https://www.google.com/"},
        {"instagram", "AD", "instagram", "paid_social", "autumn_roast", "https://l.instagram.com/"},
        {"facebook", "POST", "facebook", "social", "community", "https://m.facebook.com/"},
        {"email", "NEWSLETTER", "newsletter", "email", "monthly_brew", nullptr},
        {"direct", nullptr, nullptr, nullptr, nullptr, nullptr},
        {"email", "ABANDONED_CART", "shopkeep", "email", "cart-recovery", nullptr},
    };
    const Source& s = kSources[kind % std::size(kSources)];
    static const char* kPages[] = {"/", "/collections/coffee", "/collections/tea", "/products/espresso-beans",
                                   "/pages/brewing-guide"};
    j_.open(key).str("source", s.source);
    if (s.type)
      j_.str("sourceType", s.type);
    else
      j_.null("sourceType");
    if (s.referrer)
      j_.str("referrerUrl", s.referrer);
    else
      j_.null("referrerUrl");
    j_.str("landingPage", std::string("https://northwind-coffee.example") + kPages[side.below(std::size(kPages))]);
    if (s.utm_source)
      j_.open("utmParameters").str("source", s.utm_source).str("medium", s.medium).str("campaign", s.campaign).close();
    else
      j_.null("utmParameters");
    j_.close();
  }

  void checkout(const Person* p, std::int64_t created, std::int64_t updated, const std::vector<Line>& lines,
                std::optional<std::int64_t> completed) {
    if (counts_.checkouts >= plan_.checkouts) return;
    std::int64_t id = 30000000000 + static_cast<std::int64_t>(counts_.checkouts) * 13;
    ++counts_.checkouts;
    std::int64_t subtotal = 0;
    for (const auto& l : lines) subtotal += l.variant->price * l.quantity;
    std::int64_t total = subtotal + (subtotal >= 5000 ? 0 : 490);
    j_.begin()
        .str("id", gid("AbandonedCheckout", id))
        .str("name", "#C" + std::to_string(id % 1000000))
        .str("createdAt", iso_time(created))
        .str("updatedAt", iso_time(completed ? *completed : updated));
    if (completed)
      j_.str("completedAt", iso_time(*completed));
    else
      j_.null("completedAt");
    j_.str("abandonedCheckoutUrl", "https://northwind-coffee.example/checkouts/" + std::to_string(id) + "/recover");
    if (p) {
      j_.open("customer").str("id", gid("Customer", p->id));
      if (!p->old_shape) j_.open("defaultEmailAddress").str("emailAddress", p->email).close();
      j_.close();
    } else {
      j_.null("customer");
    }
    j_.raw("discountCodes", "[]");
    money_lines(j_, "totalPriceSet", total);
    money_lines(j_, "subtotalPriceSet", subtotal);
    checkouts_.line(j_.end());
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(rng_.next()));
      j_.begin()
          .str("id", "gid://shopify/AbandonedCheckoutLineItem/" + std::string(hex) + "?checkout=" + std::to_string(id) +
                         "&index=" + std::to_string(i))
          .str("title", l.product->title)
          .str("variantTitle", l.variant->title);
      line_item_fields(l);
      money_lines(j_, "discountedTotalPriceSet", l.variant->price * l.quantity);
      money_lines(j_, "discountedTotalPriceWithCodeDiscount", l.variant->price * l.quantity);
      j_.str("__parentId", gid("AbandonedCheckout", id));
      checkouts_.line(j_.end());
    }
  }

  void write_customer(const Person& p, std::int64_t created, std::int64_t updated, std::int64_t spend) {
    j_.begin()
        .str("id", gid("Customer", p.id))
        .str("firstName", p.first)
        .str("lastName", p.last)
        .str("createdAt", iso_time(created))
        .str("updatedAt", iso_time(updated))
        .str("numberOfOrders", std::to_string(p.orders));
    j_.open("amountSpent").str("amount", cents(spend)).str("currencyCode", kCurrency).close();
    j_.raw("tags", p.test ? "[\"test\"]" : p.orders >= 10 ? "[\"vip\"]" : "[]").str("locale", "de");
    std::string state = p.consent.empty() ? "null" : JsonLine::quote(p.consent);
    std::string level = p.consent == "SUBSCRIBED" ? "\"SINGLE_OPT_IN\"" : "null";
    if (p.old_shape) {
      j_.str("email", p.email)
          .raw("emailMarketingConsent", "{\"marketingState\":" + state + ",\"marketingOptInLevel\":" + level +
                                            ",\"consentUpdatedAt\":" + JsonLine::quote(iso_time(created)) + "}");
    } else {
      j_.raw("defaultEmailAddress", "{\"emailAddress\":" + JsonLine::quote(p.email) + ",\"marketingState\":" + state +
                                        ",\"marketingOptInLevel\":" + level +
                                        ",\"marketingUpdatedAt\":" + JsonLine::quote(iso_time(created)) + "}");
    }
    j_.raw("defaultPhoneNumber", "null");
    j_.raw("defaultAddress", "{\"countryCodeV2\":\"DE\",\"provinceCode\":null,\"city\":" + JsonLine::quote(p.city) +
                                 ",\"zip\":" + JsonLine::quote(p.zip) + "}");
    customers_.line(j_.end());
  }

  Rng& rng_;
  const std::vector<Product>& catalog_;
  CommercePlan plan_;
  WeightedPicker picker_;
  std::vector<size_t> consumables_;
  OutputFile customers_, orders_, checkouts_;
  JsonLine j_;
  CommerceCounts counts_;
  std::uint64_t returned_quota_ = 0, returned_written_ = 0;
  std::vector<double> season_cdf_;  // cumulative seasonal weight per day of the history
};

}  // namespace

std::string iso_time(std::int64_t unix_seconds) { return format_rfc3339(Instant{std::chrono::seconds{unix_seconds}}); }
std::string cents(std::int64_t amount) { return format_minor_units(amount, 2); }

void write_products(const std::filesystem::path& file, const std::vector<Product>& catalog, std::int64_t start) {
  OutputFile out(file);
  JsonLine j;
  std::int64_t media_id = 29000000000;
  for (const auto& p : catalog) {
    std::int64_t total_inventory = 0;
    for (const auto& v : p.variants) total_inventory += v.inventory;
    j.begin()
        .str("id", "gid://shopify/Product/" + std::to_string(p.id))
        .str("title", p.title)
        .str("handle", p.handle)
        .str("status", p.status)
        .str("vendor", p.vendor)
        .str("productType", p.category)
        .raw("tags", p.consumable ? "[\"consumable\"]" : "[]")
        .str("createdAt", iso_time(start - 30 * kDay))
        .str("updatedAt", iso_time(start - kDay))
        .str("publishedAt", iso_time(start - 29 * kDay))
        .str("descriptionHtml", p.has_description ? "<p>" + p.title + " from " + p.vendor + ".</p>" : "");
    if (p.has_seo)
      j.open("seo").str("title", p.title).str("description", p.title + " - " + p.category).close();
    else
      j.raw("seo", "{\"title\":null,\"description\":null}");
    j.str("onlineStoreUrl", "https://northwind-coffee.example/products/" + p.handle)
        .num("totalInventory", total_inventory);
    out.line(j.end());
    for (const auto& v : p.variants) {
      j.begin().str("id", "gid://shopify/ProductVariant/" + std::to_string(v.id)).str("title", v.title);
      if (v.sku.empty())
        j.null("sku");
      else
        j.str("sku", v.sku);
      j.null("barcode").str("price", cents(v.price));
      if (v.compare_at)
        j.str("compareAtPrice", cents(v.compare_at));
      else
        j.null("compareAtPrice");
      j.num("inventoryQuantity", v.inventory)
          .raw("inventoryItem",
               "{\"unitCost\":{\"amount\":" + JsonLine::quote(cents(v.unit_cost)) + ",\"currencyCode\":\"EUR\"}}")
          .str("__parentId", "gid://shopify/Product/" + std::to_string(p.id));
      out.line(j.end());
    }
    for (int m = 0; m < p.media; ++m) {
      j.begin().str("id", "gid://shopify/MediaImage/" + std::to_string(media_id++));
      if (p.media_without_alt)
        j.null("alt");
      else
        j.str("alt", p.title + " photo " + std::to_string(m + 1));
      j.str("mediaContentType", "IMAGE").str("__parentId", "gid://shopify/Product/" + std::to_string(p.id));
      out.line(j.end());
    }
  }
  out.close();
}

CommerceCounts write_commerce(const std::filesystem::path& dir, Rng& rng, const std::vector<Product>& catalog,
                              std::vector<Person>& people, const CommercePlan& plan) {
  CommerceWriter writer(dir, rng, catalog, plan);
  std::uint64_t guests = plan.orders * 3 / 100;
  plan_orders(rng, people, plan.orders - guests);
  for (auto& p : people) writer.customer(p);
  writer.guest_orders(guests);
  writer.abandoned(people);
  writer.close();
  return writer.counts();
}

}  // namespace shopkeep::demo
