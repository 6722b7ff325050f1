#include "analytics/carts/cart_plan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_set>

#include "analytics/campaigns/gate.hpp"
#include "analytics/carts/shop_baseline.hpp"
#include "analytics/rfm.hpp"
#include "core/money.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::analytics::carts {

namespace {

using Json = nlohmann::ordered_json;

struct Checkout {
  std::int64_t id;
  campaigns::Person person;
  std::string first_name;
  std::string created_at, updated_at;
  bool completed;
  std::string total_price, currency;
  std::optional<std::string> recovery_url;
};

class Planner {
 public:
  Planner(store::Db& db, const PlanOptions& o, const CartConfig& c, const store::ShopSettings& s)
      : db_(db),
        options_(o),
        config_(c),
        shop_(s),
        gate_(db, rules(o, c), o.now),
        baseline_(shop_baseline(db, o.now, s.currency_exponent)),
        ordered_since_(db,
                       "SELECT 1 FROM counted_orders o WHERE o.ordered_at > ?1 AND o.ordered_at <= ?2 "
                       "AND (o.customer_id = ?3 OR (?4 <> '' AND lower(trim(o.email)) = ?4)) LIMIT 1"),
        availability_(db,
                      "SELECT count(*), coalesce(sum(p.status = 'ACTIVE' AND p.deleted_at IS NULL AND v.deleted_at IS "
                      "NULL AND (v.inventory_quantity IS NULL OR v.inventory_quantity > 0)), 0) "
                      "FROM checkout_lines l LEFT JOIN products p ON p.id = l.product_id "
                      "LEFT JOIN variants v ON v.id = l.variant_id WHERE l.checkout_id = ?1"),
        items_(db,
               "SELECT DISTINCT product_id FROM checkout_lines WHERE checkout_id = ?1 AND product_id IS NOT NULL "
               "ORDER BY id"),
        lines_(db,
               "SELECT l.quantity, l.unit_price, v.unit_cost FROM checkout_lines l "
               "LEFT JOIN variants v ON v.id = l.variant_id WHERE l.checkout_id = ?1") {
    // VIPs are the customers whose RFM segment the config names (Champions by default).
    for (const auto& score : rfm_scores(db, o.now, s))
      if (std::find(c.vip_segments.begin(), c.vip_segments.end(), score.segment) != c.vip_segments.end())
        vips_.insert(score.customer_id);
  }

  std::vector<CartRow> run() {
    std::vector<CartRow> rows;
    store::Transaction tx(db_);
    store::Stmt candidates(
        db_,
        "SELECT k.id, k.customer_id, coalesce(k.email, c.email), c.first_name, k.created_at, k.updated_at, "
        "k.completed_at IS NOT NULL, k.total_price, coalesce(k.currency, ''), c.email_marketing_state, "
        "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(c.tags) THEN c.tags ELSE '[]' END) "
        "        WHERE lower(value) = lower(?3)), k.recovery_url "
        "FROM checkouts k LEFT JOIN customers c ON c.id = k.customer_id AND c.deleted_at IS NULL "
        "WHERE k.deleted_at IS NULL AND k.updated_at >= ?1 AND k.updated_at <= ?2 ORDER BY k.updated_at, k.id");
    candidates.bind(1, format_rfc3339(options_.now - config_.max_age))
        .bind(2, format_rfc3339(options_.now - config_.min_age))
        .bind(3, config_.test_tag);
    while (candidates.step()) {
      Checkout k;
      k.id = candidates.get_int(0);
      k.person = {candidates.get_opt_int(1), candidates.get_text(2), candidates.get_opt_text(9),
                  candidates.get_int(10) != 0};
      k.first_name = candidates.get_text(3);
      k.created_at = candidates.get_text(4);
      k.updated_at = candidates.get_text(5);
      k.completed = candidates.get_int(6) != 0;
      k.total_price = candidates.get_text(7);
      k.currency = candidates.get_text(8);
      k.recovery_url = candidates.get_opt_text(11);
      if (k.currency.empty()) k.currency = shop_.currency;
      CartRow row = plan_one(k);
      if (!row.plan.excluded() || options_.include_excluded) rows.push_back(std::move(row));
    }
    tx.commit();
    return rows;
  }

 private:
  static campaigns::GateRules rules(const PlanOptions& o, const CartConfig& c) {
    auto r = c.gate_rules(o.campaign);
    r.resend_unknown = o.resend_unknown;
    r.record = o.record;
    return r;
  }

  CartRow base_row(const Checkout& k) {
    CartRow row;
    auto& p = row.plan;
    p.campaign = options_.campaign;
    p.target_key = "checkout:" + std::to_string(k.id);
    p.customer_id = k.person.customer_id;
    p.email = k.person.email;
    p.first_name = k.first_name;
    p.checkout_id = k.id;
    p.recovery_url = k.recovery_url;
    items_.reset();
    items_.bind(1, k.id);
    while (items_.step()) p.items.push_back(items_.get_int(0));
    row.total_price = k.total_price;
    row.currency = k.currency;
    row.last_activity_at = k.updated_at;
    return row;
  }

  bool ordered_since(const Checkout& k) {
    ordered_since_.reset();
    ordered_since_.bind(1, k.created_at).bind(2, format_rfc3339(options_.now));
    ordered_since_.bind(3, k.person.customer_id.value_or(-1)).bind(4, privacy::normalise_email(k.person.email));
    return ordered_since_.step();
  }

  bool items_unavailable(const Checkout& k) {
    availability_.reset();
    availability_.bind(1, k.id);
    availability_.step();
    return availability_.get_int(1) == 0;  // nothing left that can be bought (or an empty cart)
  }

  std::optional<std::string> exclusion(const Checkout& k, int step) {
    if (k.completed) return "completed";
    if (k.person.test) return "test";
    if (auto reason = gate_.address_exclusion(k.person)) return reason;
    if (ordered_since(k)) return "ordered_since";
    if (items_unavailable(k)) return "unavailable";
    if (auto reason = gate_.consent_exclusion(k.person)) return reason;
    if (step == 0) return "not_due";
    return gate_.contact_exclusion("checkout:" + std::to_string(k.id), step, k.person.email);
  }

  // The largest whole percentage that still leaves `min_margin` of the discounted price, when the
  // unit cost of every line is known; nullopt when it is not (no guard possible).
  std::optional<int> margin_cap(const Checkout& k) {
    lines_.reset();
    lines_.bind(1, k.id);
    std::int64_t revenue = 0, cost = 0;
    while (lines_.step()) {
      auto price = lines_.is_null(1) ? std::nullopt : parse_minor_units(lines_.get_text(1), shop_.currency_exponent);
      auto unit_cost =
          lines_.is_null(2) ? std::nullopt : parse_minor_units(lines_.get_text(2), shop_.currency_exponent);
      if (!price || !unit_cost) return std::nullopt;
      revenue += *price * lines_.get_int(0);
      cost += *unit_cost * lines_.get_int(0);
    }
    if (revenue <= 0) return std::nullopt;
    double max_share = 1.0 - static_cast<double>(cost) / ((1.0 - config_.min_margin) * static_cast<double>(revenue));
    return std::max(0, static_cast<int>(std::floor(max_share * 100.0 + 1e-9)));
  }

  Incentive guarded(Incentive incentive, const Checkout& k) {
    if (incentive.kind != Incentive::Kind::percent) return incentive;
    auto cap = margin_cap(k);
    if (!cap || incentive.percent <= *cap) return incentive;
    if (*cap >= 5) return {Incentive::Kind::percent, *cap};
    return {Incentive::Kind::free_shipping, 0};
  }

  CartRow plan_one(const Checkout& k) {
    CartRow row = base_row(k);
    int step = campaigns::due_step(*parse_rfc3339(k.updated_at), options_.now, config_.steps);
    if (auto reason = exclusion(k, step)) {
      row.plan.reason = *reason;
      return row;
    }
    auto history = customer_history(db_, k.person.customer_id, privacy::normalise_email(k.person.email), options_.now,
                                    shop_.currency_exponent);
    std::string type = history.orders == 0                                            ? "new"
                       : (k.person.customer_id && vips_.count(*k.person.customer_id)) ? "vip"
                                                                                      : "returning";
    double affinity =
        history.orders ? static_cast<double>(history.discounted_orders) / static_cast<double>(history.orders) : 0.0;
    bool deal_seeker = history.orders > 0 && affinity >= config_.deal_seeker_share;
    auto value = parse_minor_units(k.total_price, shop_.currency_exponent).value_or(0);
    std::string band = baseline_.aov <= 0               ? "mid"
                       : value * 2 >= baseline_.aov * 3 ? "high"
                       : value * 2 <= baseline_.aov     ? "low"
                                                        : "mid";
    Incentive incentive = guarded(config_.incentive_for(type, deal_seeker, step), k);
    row.plan.step = step;
    row.plan.segment = type + "-" + band;
    row.plan.incentive = incentive.text();
    row.plan.detail = "step " + std::to_string(step) + " due";
    row.customer_type = type;
    row.cart_value = band;
    row.discount_affinity = affinity;
    gate_.admit(row.plan, k.person);
    return row;
  }

  store::Db& db_;
  const PlanOptions& options_;
  const CartConfig& config_;
  const store::ShopSettings& shop_;
  campaigns::Gate gate_;
  ShopBaseline baseline_;
  std::unordered_set<std::int64_t> vips_;
  store::Stmt ordered_since_, availability_, items_, lines_;
};

}  // namespace

nlohmann::ordered_json to_json(const CartRow& r) {
  const auto& p = r.plan;
  Json row;
  row["checkout_id"] = p.checkout_id ? Json(*p.checkout_id) : Json();
  row["customer_id"] = p.customer_id ? Json(*p.customer_id) : Json();
  row["email"] = p.email.empty() ? Json() : Json(p.email);
  row["segment"] = p.excluded() ? Json() : Json(p.segment);
  row["step"] = p.step ? Json(*p.step) : Json();
  row["incentive"] = p.excluded() ? Json() : Json(p.incentive);
  row["group"] = p.group ? Json(*p.group) : Json();
  row["excluded"] = p.excluded();
  // Included rows say in words what is due (and that a held-out person gets no email).
  row["reason"] = p.excluded()    ? Json(p.reason)
                  : p.treatment() ? Json(p.detail)
                                  : Json(p.detail + "; held out: tracked, no email");
  row["recovery_url"] = p.recovery_url ? Json(*p.recovery_url) : Json();
  row["items"] = p.items;
  row["total_price"] = r.total_price;
  row["currency"] = r.currency;
  row["last_activity_at"] = r.last_activity_at;
  row["customer_type"] = r.customer_type ? Json(*r.customer_type) : Json();
  row["cart_value"] = r.cart_value ? Json(*r.cart_value) : Json();
  row["discount_affinity"] = r.discount_affinity ? Json(*r.discount_affinity) : Json();
  return row;
}

std::vector<CartRow> plan_carts(store::Db& db, const PlanOptions& options, const CartConfig& config,
                                const store::ShopSettings& shop) {
  return Planner(db, options, config, shop).run();
}

nlohmann::ordered_json plan_carts_json(store::Db& db, const PlanOptions& options, const CartConfig& config,
                                       const store::ShopSettings& shop) {
  Json rows = Json::array();
  for (const auto& row : plan_carts(db, options, config, shop)) rows.push_back(to_json(row));
  return rows;
}

}  // namespace shopkeep::analytics::carts
