#include "core/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <utility>

#include "core/closest_match.hpp"
#include "core/config_keys.hpp"
#include "core/error.hpp"

namespace shopkeep {

namespace {
std::string shown_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}
}  // namespace

struct Config::Impl {
  toml::table table;
};

Config::Config() : impl_(std::make_unique<Impl>()) {}
Config::~Config() = default;
Config::Config(Config&&) noexcept = default;
Config& Config::operator=(Config&&) noexcept = default;

Config Config::load(const std::filesystem::path& path) {
  Config config;
  config.path_ = path;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw usage_error("bad config " + path.string() + ": is a directory, not a file");
  try {
    config.impl_->table = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw usage_error("bad config " + path.string() + ":" + std::to_string(where.line) + ":" +
                      std::to_string(where.column) + ": " + std::string(e.description()));
  }
  return config;
}

Config Config::parse(std::string_view text, const std::string& name) {
  Config config;
  config.path_ = name;
  try {
    config.impl_->table = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw usage_error("bad config " + name + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
                      ": " + std::string(e.description()));
  }
  return config;
}

namespace {

// "file:line" of a value, for messages (the line is unknown for built-in text without one).
std::string place(const std::filesystem::path& file, const toml::node_view<const toml::node>& node) {
  auto line = node.node() ? node.node()->source().begin.line : 0;
  return file.string() + (line > 0 ? ":" + std::to_string(line) : "");
}

std::string shown(const toml::node_view<const toml::node>& node) {
  std::ostringstream out;
  out << node;
  std::string text = out.str();
  return text.size() > 40 ? text.substr(0, 40) + "..." : text;
}

}  // namespace

std::optional<std::string> Config::get_string(const std::string& key) const {
  auto node = std::as_const(impl_->table).at_path(key);
  if (!node) return std::nullopt;
  if (auto s = node.value<std::string>()) return s;
  throw usage_error("bad config " + place(path_, node) + ": '" + key + "' must be a string, got " + shown(node));
}

std::optional<double> Config::get_number(const std::string& key) const {
  auto node = std::as_const(impl_->table).at_path(key);
  if (!node) return std::nullopt;
  auto d = node.is_number() ? node.value<double>() : std::nullopt;  // integers convert too
  if (d && std::isfinite(*d)) return d;
  throw usage_error("bad config " + place(path_, node) + ": '" + key + "' must be a finite number, got " + shown(node));
}

std::optional<double> Config::get_number_in(const std::string& key, double low, double high) const {
  auto d = get_number(key);
  if (!d || (low <= *d && *d <= high)) return d;
  auto node = std::as_const(impl_->table).at_path(key);
  std::string range = high == std::numeric_limits<double>::max()
                          ? "at least " + shown_number(low)
                          : "from " + shown_number(low) + " to " + shown_number(high);
  throw usage_error("bad config " + place(path_, node) + ": '" + key + "' must be " + range + ", got " + shown(node));
}

std::optional<std::int64_t> Config::get_integer(const std::string& key) const {
  auto node = std::as_const(impl_->table).at_path(key);
  if (!node) return std::nullopt;
  if (node.is_integer()) return node.value<std::int64_t>();
  throw usage_error("bad config " + place(path_, node) + ": '" + key + "' must be an integer, got " + shown(node));
}

std::optional<bool> Config::get_bool(const std::string& key) const {
  auto node = std::as_const(impl_->table).at_path(key);
  if (!node) return std::nullopt;
  if (node.is_boolean()) return node.value<bool>();
  throw usage_error("bad config " + place(path_, node) + ": '" + key + "' must be true or false, got " + shown(node));
}

std::vector<std::pair<std::string, double>> Config::get_number_table(const std::string& key) const {
  std::vector<std::pair<std::string, double>> entries;
  auto node = impl_->table.at_path(key);
  if (!node) return entries;
  const auto* table = node.as_table();
  if (table == nullptr) throw usage_error("bad config " + path_.string() + ": '" + key + "' must be a table");
  for (const auto& [name, value] : *table) {
    auto number = value.value<double>();
    if (!number)
      throw usage_error("bad config " + path_.string() + ": '" + key + "." + std::string(name.str()) +
                        "' must be a number");
    entries.emplace_back(std::string(name.str()), *number);
  }
  return entries;
}

namespace {

size_t config_typo_tolerance(std::string_view typed) { return std::max<size_t>(2, typed.size() / 4); }

std::string closest_key(std::string_view typed) {
  std::vector<std::string_view> keys;
  for (std::string_view key : known_config_keys())
    if (key.back() != '*') keys.push_back(key);
  return closest_match(typed, keys, config_typo_tolerance(typed));
}

bool is_known_section(std::string_view section) {
  for (std::string_view key : known_config_keys())
    if (key.size() > section.size() && key.substr(0, section.size()) == section && key[section.size()] == '.')
      return true;
  return false;
}

std::string closest_section(std::string_view typed) {
  std::vector<std::string_view> sections;
  for (std::string_view key : known_config_keys())
    if (key.find('.') != std::string_view::npos) sections.push_back(key.substr(0, key.find('.')));
  return closest_match(typed, sections, config_typo_tolerance(typed));
}

struct UnknownKey {
  int64_t line;
  std::string message;
};

// An unknown section is named once, not once per key in it: a typo in [shopp] is one mistake.
void collect_unknown(const toml::table& table, const std::string& prefix, const std::string& file,
                     std::vector<UnknownKey>& out) {
  for (const auto& [name, node] : table) {
    std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
    if (is_known_config_key(key)) continue;
    int64_t line = node.source().begin.line;
    std::string where = file + ":" + std::to_string(line);
    if (const auto* sub = node.as_table()) {
      if (is_known_section(key)) {
        collect_unknown(*sub, key, file, out);
        continue;
      }
      std::string match = prefix.empty() ? closest_section(key) : "";
      out.push_back({line, where + ": unknown section [" + key + "]" +
                               (match.empty() ? "" : " (did you mean [" + match + "]?)")});
      continue;
    }
    std::string match = closest_key(key);
    out.push_back(
        {line, where + ": unknown key '" + key + "'" + (match.empty() ? "" : " (did you mean '" + match + "'?)")});
  }
}

}  // namespace

std::vector<std::string> Config::unknown_keys() const {
  std::vector<UnknownKey> found;
  collect_unknown(impl_->table, "", path_.string(), found);
  std::stable_sort(found.begin(), found.end(),
                   [](const UnknownKey& a, const UnknownKey& b) { return a.line < b.line; });
  std::vector<std::string> out;
  for (auto& f : found) out.push_back(std::move(f.message));
  return out;
}

std::optional<std::vector<std::string>> Config::get_string_list(const std::string& key) const {
  auto node = impl_->table.at_path(key);
  if (!node) return std::nullopt;
  const toml::array* array = node.as_array();
  std::vector<std::string> values;
  if (array != nullptr)
    for (const auto& element : *array) {
      auto text = element.value<std::string>();
      if (!text) {
        array = nullptr;
        break;
      }
      values.push_back(*text);
    }
  if (array == nullptr)
    throw usage_error("bad config " + path_.string() + ": '" + key + "' must be an array of strings");
  return values;
}

std::vector<std::string> Config::table_keys(const std::string& key) const {
  auto node = impl_->table.at_path(key);
  std::vector<std::string> keys;
  if (!node) return keys;
  const toml::table* table = node.as_table();
  if (table == nullptr) throw usage_error("bad config " + path_.string() + ": '" + key + "' must be a table");
  for (const auto& [name, _] : *table) keys.emplace_back(name.str());
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::optional<std::string> env_var(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::string(v);
}

std::optional<std::string> resolve_setting(const std::optional<std::string>& flag, const char* env_name,
                                           const Config& config, const std::string& config_key) {
  if (flag) return flag;
  if (env_name != nullptr)
    if (auto e = env_var(env_name)) return e;
  return config.get_string(config_key);
}

std::string config_template() {
  return R"(# shopkeep configuration (TOML). Precedence: command-line flag > environment > this file.
# Secrets may live here or in the environment; they are never written to the store or logs.

[store]
# path = "/home/me/.local/share/shopkeep/shopkeep.db"   # or SHOPKEEP_DB / --db

[shop]
# For stores filled by `import` only; a sync reads these from the shop itself.
# timezone = "Europe/Berlin"
# currency = "EUR"

[http]
# ca_bundle = "/etc/ssl/my-proxy-ca.pem"  # SHOPKEEP_CA_BUNDLE or --cacert: CAs to trust (TLS is always verified)

[shopify]
# shop = "my-shop.myshopify.com"          # SHOPIFY_SHOP
# client_id = "..."                       # SHOPIFY_CLIENT_ID (client-credentials grant, the way for new apps)
# client_secret = "..."                   # SHOPIFY_CLIENT_SECRET
# access_token = "shpat_..."              # SHOPIFY_ACCESS_TOKEN (a legacy custom app's token)
# api_version = "2026-10"                 # SHOPIFY_API_VERSION

[zendesk]
# subdomain = "acme"                      # ZENDESK_SUBDOMAIN (or url = "https://acme.zendesk.com")
# email = "agent@example.com"             # ZENDESK_EMAIL
# api_token = "..."                       # ZENDESK_API_TOKEN (or oauth_token = "...", ZENDESK_OAUTH_TOKEN)
# export_requests_per_minute = 10         # 30 with the High Volume API add-on

[audit]
# Thresholds of the checks (docs/audit-kpi.md lists every one); these are the defaults.
# refund_rate = 0.05                      # share of refunded orders over 12 months that is a warning
# unfulfilled_days = 3                    # a paid order not shipped after this many days
# unsolved_days = 7                       # an open ticket older than this
# stale_sync_hours = 48                   # a synced resource not refreshed for this long
# stale_import_days = 7                   # an import-only store whose newest order is older than this
# retention_days = 1095                   # customers inactive longer than this (privacy)
# transactional_campaigns = ""            # campaigns that may mail without marketing consent

[carts]
# steps = "1h,24h,72h"                    # when each cart-recovery step is due after the checkout
# holdout = 10                            # percent of people held out to prove the uplift
# min_margin = 0.3                        # never discount below this margin
# vip_segments = "Champions"              # RFM segments treated as VIP
# transactional = false                   # true: mail without marketing consent (check your law)
# [carts.incentives]                      # per customer type and step: "none", "free_shipping", "10%"
# new_3 = "10%"

[value]
# at_risk_p_alive = 0.3                   # P(alive) below this flags a customer at risk
# penalty = 0                             # L2 penalty on the model's parameters (try 0.001 on small shops)

[restock]
# lead_time_days = 14                     # days from ordering to stock on the shelf (--lead-time beats all)
# horizon_days = 30                       # days an order should last after it arrives (--horizon)
# service_level = 0.95                    # chance that stock lasts through the lead time (--service-level)
# overstock_days = 180                    # more cover than this is flagged as overstock
# [restock.lead_time_by_vendor]           # per products.vendor; beats the product type
# "Acme Coffee" = 21
# [restock.lead_time_by_product_type]     # per products.product_type
# Mugs = 7

[email]
# Campaign email (shopkeep email plan|render|send; docs/email.md).
# from = "My Shop <hello@my-shop.example>"
# reply_to = "care@my-shop.example"
# postal_address = "My Shop, 1 Main Street, 12345 Town"   # required in marketing mail
# unsubscribe_url = "https://my-shop.example/unsubscribe?t={{token}}"   # one-click (RFC 8058)
# unsubscribe_mailto = "unsubscribe@my-shop.example"
# smtp_url = "smtp://mail.my-shop.example:587"   # or email send --smtp
# smtp_username = "..."                   # SMTP_USERNAME
# smtp_password = "..."                   # SMTP_PASSWORD
# smtp_ca_file = "/etc/ssl/my-ca.pem"     # SMTP_CA_FILE or email send --cacert: CAs to trust instead of the system's
# rate = 60                               # messages per minute (0 = unlimited)
# frequency_cap = "24h"                   # no message if any campaign mailed them this recently
# holdout = 10                            # percent held out to measure the uplift
# [email.discount_codes]
# percent_10 = "COMEBACK10"
# free_shipping = "SHIPFREE"

[support]
# Which open tickets to escalate (shopkeep support triage); every key: docs/support.md.
# escalate_threshold = 30                 # score 0-100 from which a ticket escalates
# escalate_priority = "high"              # --apply raises escalated tickets to this priority
# lexicon = "our-words.tsv"               # TERM<TAB>VALENCE[<TAB>SIGNAL], extends the built-in lexicon
# [support.reply_hours]                   # reply targets per priority
# urgent = 1
# high = 4
# normal = 24
# low = 48
# [support.categories.wholesale]          # a category of your own
# keywords = ["wholesale", "trade account"]
)";
}

}  // namespace shopkeep
