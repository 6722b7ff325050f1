#include "analytics/carts/cart_plan.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_set>

#include "analytics/carts/shop_baseline.hpp"
#include "analytics/holdout.hpp"
#include "analytics/rfm.hpp"
#include "core/money.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::analytics::carts {

namespace {

using Json = nlohmann::ordered_json;

struct Checkout {
  std::int64_t id;
  std::optional<std::int64_t> customer_id;
  std::string email;
  std::string created_at, updated_at;
  bool completed;
  std::string total_price, currency;
  std::optional<std::string> consent;
  bool test_customer;
};

class Planner {
 public:
  Planner(store::Db& db, const PlanOptions& o, const CartConfig& c, const store::ShopSettings& s)
      : db_(db),
        options_(o),
        config_(c),
        shop_(s),
        suppressions_(db),
        baseline_(shop_baseline(db, o.now, s.currency_exponent)) {
    // VIPs are the customers whose RFM segment the config names (Champions by default).
    for (const auto& score : rfm_scores(db, o.now, s))
      if (std::find(c.vip_segments.begin(), c.vip_segments.end(), score.segment) != c.vip_segments.end())
        vips_.insert(score.customer_id);
  }

  Json run() {
    Json rows = Json::array();
    store::Transaction tx(db_);
    store::Stmt candidates(
        db_,
        "SELECT k.id, k.customer_id, coalesce(k.email, c.email), k.created_at, k.updated_at, k.completed_at IS NOT "
        "NULL, "
        "k.total_price, coalesce(k.currency, ''), c.email_marketing_state, "
        "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(c.tags) THEN c.tags ELSE '[]' END) "
        "        WHERE lower(value) = lower(?3)) "
        "FROM checkouts k LEFT JOIN customers c ON c.id = k.customer_id AND c.deleted_at IS NULL "
        "WHERE k.deleted_at IS NULL AND k.updated_at >= ?1 AND k.updated_at <= ?2 ORDER BY k.updated_at, k.id");
    candidates.bind(1, format_rfc3339(options_.now - config_.max_age))
        .bind(2, format_rfc3339(options_.now - config_.min_age))
        .bind(3, config_.test_tag);
    while (candidates.step()) {
      Checkout k{candidates.get_int(0),      candidates.get_opt_int(1),  candidates.get_text(2), candidates.get_text(3),
                 candidates.get_text(4),     candidates.get_int(5) != 0, candidates.get_text(6), candidates.get_text(7),
                 candidates.get_opt_text(8), candidates.get_int(9) != 0};
      if (k.currency.empty()) k.currency = shop_.currency;
      Json row = plan_one(k);
      if (!row["step"].is_null() || options_.include_excluded) rows.push_back(std::move(row));
    }
    tx.commit();
    return rows;
  }

 private:
  Json base_row(const Checkout& k) const {
    Json row;
    row["checkout_id"] = k.id;
    row["customer_id"] = k.customer_id ? Json(*k.customer_id) : Json();
    row["email"] = k.email.empty() ? Json() : Json(k.email);
    row["segment"] = nullptr;
    row["step"] = nullptr;
    row["incentive"] = nullptr;
    row["group"] = nullptr;
    row["reason"] = nullptr;
    row["total_price"] = k.total_price;
    row["currency"] = k.currency;
    row["last_activity_at"] = k.updated_at;
    return row;
  }

  bool exists(const std::string& sql, const std::function<void(store::Stmt&)>& bind) {
    store::Stmt s(db_, sql);
    bind(s);
    return s.step();
  }

  bool ordered_since(const Checkout& k) {
    return exists(
        "SELECT 1 FROM orders o WHERE o.test = 0 AND o.cancelled_at IS NULL AND o.deleted_at IS NULL "
        "AND coalesce(o.processed_at, o.created_at) > ?1 AND coalesce(o.processed_at, o.created_at) <= ?2 "
        "AND (o.customer_id = ?3 OR (?4 <> '' AND lower(trim(o.email)) = ?4)) LIMIT 1",
        [&](store::Stmt& s) {
          s.bind(1, k.created_at).bind(2, format_rfc3339(options_.now)).bind(3, k.customer_id.value_or(-1));
          s.bind(4, privacy::normalise_email(k.email));
        });
  }

  bool items_unavailable(const Checkout& k) {
    store::Stmt s(db_,
                  "SELECT count(*), coalesce(sum(p.status = 'ACTIVE' AND p.deleted_at IS NULL AND v.deleted_at IS NULL "
                  "AND (v.inventory_quantity IS NULL OR v.inventory_quantity > 0)), 0) "
                  "FROM checkout_lines l LEFT JOIN products p ON p.id = l.product_id "
                  "LEFT JOIN variants v ON v.id = l.variant_id WHERE l.checkout_id = ?1");
    s.bind(1, k.id);
    s.step();
    return s.get_int(1) == 0;  // nothing left that can be bought (or an empty cart)
  }

  bool contacted_at_or_after(const Checkout& k, int step) {
    return exists(
        "SELECT 1 FROM email_log WHERE campaign = ?1 AND subject_key LIKE ?2 AND "
        "CAST(substr(subject_key, length(?2)) AS INTEGER) >= ?3 AND status <> 'failed' LIMIT 1",
        [&](store::Stmt& s) {
          s.bind(1, options_.campaign).bind(2, "checkout:" + std::to_string(k.id) + ":step:%").bind(3, step);
        });
  }

  bool within_frequency_cap(const Checkout& k) {
    return exists(
        "SELECT 1 FROM email_log WHERE lower(trim(recipient)) = ?1 AND status = 'sent' AND sent_at >= ?2 LIMIT 1",
        [&](store::Stmt& s) {
          s.bind(1, privacy::normalise_email(k.email)).bind(2, format_rfc3339(options_.now - config_.frequency_cap));
        });
  }

  // The latest step whose delay has passed (earlier unsent steps are skipped, not sent late).
  int due_step(const Checkout& k) const {
    auto age = options_.now - *parse_rfc3339(k.updated_at);
    int step = 0;
    for (size_t i = 0; i < config_.steps.size(); ++i)
      if (age >= config_.steps[i]) step = static_cast<int>(i) + 1;
    return step;
  }

  std::optional<std::string> exclusion(const Checkout& k, int step) {
    if (k.completed) return "completed";
    if (k.test_customer) return "test";
    if (k.email.empty()) return "no_email";
    if (suppressions_.email(k.email) || (k.customer_id && suppressions_.id("shopify_customer", *k.customer_id)))
      return "suppressed";
    if (ordered_since(k)) return "ordered_since";
    if (items_unavailable(k)) return "unavailable";
    if (!config_.transactional && k.consent.value_or("") != "SUBSCRIBED") return "no_consent";
    if (step == 0) return "not_due";
    if (contacted_at_or_after(k, step)) return "already_contacted";
    if (within_frequency_cap(k)) return "frequency_cap";
    return std::nullopt;
  }

  // The largest whole percentage that still leaves `min_margin` of the discounted price, when the
  // unit cost of every line is known; nullopt when it is not (no guard possible).
  std::optional<int> margin_cap(const Checkout& k) {
    store::Stmt lines(db_,
                      "SELECT l.quantity, l.unit_price, v.unit_cost FROM checkout_lines l "
                      "LEFT JOIN variants v ON v.id = l.variant_id WHERE l.checkout_id = ?1");
    lines.bind(1, k.id);
    std::int64_t revenue = 0, cost = 0;
    while (lines.step()) {
      auto price = lines.is_null(1) ? std::nullopt : parse_minor_units(lines.get_text(1), shop_.currency_exponent);
      auto unit_cost = lines.is_null(2) ? std::nullopt : parse_minor_units(lines.get_text(2), shop_.currency_exponent);
      if (!price || !unit_cost) return std::nullopt;
      revenue += *price * lines.get_int(0);
      cost += *unit_cost * lines.get_int(0);
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

  Json plan_one(const Checkout& k) {
    Json row = base_row(k);
    int step = due_step(k);
    if (auto reason = exclusion(k, step)) {
      row["reason"] = *reason;
      return row;
    }
    auto history =
        customer_history(db_, k.customer_id, privacy::normalise_email(k.email), options_.now, shop_.currency_exponent);
    std::string type = history.orders == 0                              ? "new"
                       : (k.customer_id && vips_.count(*k.customer_id)) ? "vip"
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
    std::string arm = assign_arm(db_, options_.campaign, holdout_subject(k.customer_id, k.email), k.customer_id,
                                 k.email, config_.holdout_percent, options_.now);
    row["segment"] = type + "-" + band;
    row["step"] = step;
    row["incentive"] = incentive.text();
    row["group"] = arm;
    row["reason"] = arm == "holdout" ? "step " + std::to_string(step) + " due; held out: tracked, no email"
                                     : "step " + std::to_string(step) + " due";
    row["customer_type"] = type;
    row["cart_value"] = band;
    row["discount_affinity"] = affinity;
    store::Stmt plan(
        db_,
        "INSERT OR IGNORE INTO cart_plans (campaign, checkout_id, step, arm, segment, incentive, planned_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    plan.bind(1, options_.campaign).bind(2, k.id).bind(3, step).bind(4, arm);
    plan.bind(5, row["segment"].get<std::string>()).bind(6, incentive.text()).bind(7, format_rfc3339(options_.now));
    plan.run();
    return row;
  }

  store::Db& db_;
  const PlanOptions& options_;
  const CartConfig& config_;
  const store::ShopSettings& shop_;
  privacy::SuppressionFilter suppressions_;
  ShopBaseline baseline_;
  std::unordered_set<std::int64_t> vips_;
};

}  // namespace

nlohmann::ordered_json plan_carts(store::Db& db, const PlanOptions& options, const CartConfig& config,
                                  const store::ShopSettings& shop) {
  return Planner(db, options, config, shop).run();
}

}  // namespace shopkeep::analytics::carts
