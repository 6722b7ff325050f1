#include "analytics/support/triage_config.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/config.hpp"
#include "core/error.hpp"

namespace shopkeep::analytics::support {

namespace {

[[noreturn]] void bad(const Config& config, const std::string& key, const std::string& what) {
  throw usage_error("bad config " + config.path().string() + ": '" + key + "' " + what);
}

void read_int(const Config& config, const std::string& key, int& into, int low, int high) {
  auto v = config.get_integer(key);
  if (!v) return;
  if (*v < low || *v > high)
    bad(config, key, "must be between " + std::to_string(low) + " and " + std::to_string(high));
  into = static_cast<int>(*v);
}

void read_points(const Config& config, Points& p) {
  const std::pair<const char*, int*> fields[] = {
      {"negative_sentiment", &p.negative_sentiment},
      {"worsening", &p.worsening},
      {"zendesk_negative", &p.zendesk_negative},
      {"zendesk_very_negative", &p.zendesk_very_negative},
      {"threat", &p.threat},
      {"safety", &p.safety},
      {"security", &p.security},
      {"human", &p.human},
      {"repeat", &p.repeat},
      {"urgent", &p.urgent},
      {"unanswered_message", &p.unanswered_message},
      {"sla_breached", &p.sla_breached},
      {"sla_at_risk", &p.sla_at_risk},
      {"clv_top_decile", &p.clv_top_decile},
      {"clv_top_quartile", &p.clv_top_quartile},
      {"vip", &p.vip},
      {"order_top_decile", &p.order_top_decile},
      {"order_above_median", &p.order_above_median},
      {"other_ticket", &p.other_ticket},
      {"reopen", &p.reopen},
      {"bad_csat", &p.bad_csat},
      {"recent_bad_csat", &p.recent_bad_csat},
  };
  for (const auto& name : config.table_keys("support.points")) {
    auto it = std::find_if(std::begin(fields), std::end(fields), [&](const auto& f) { return name == f.first; });
    if (it == std::end(fields)) bad(config, "support.points." + name, "is not a reason (docs/support.md lists them)");
    read_int(config, "support.points." + name, *it->second, 0, 100);
  }
}

ShopLexicon read_lexicon(const Config& config) {
  ShopLexicon lexicon = ShopLexicon::parse("", "");
  bool replace = config.get_bool("support.lexicon_replace").value_or(false);
  if (!replace) lexicon = ShopLexicon::builtin();
  auto file = config.get_string("support.lexicon");
  if (!file) {
    if (replace) bad(config, "support.lexicon_replace", "needs support.lexicon naming the file to use instead");
    return lexicon;
  }
  std::filesystem::path path(*file);
  if (path.is_relative()) path = config.path().parent_path() / path;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error("cannot read the lexicon " + path.string(), "set support.lexicon to an existing file");
  std::stringstream text;
  text << in.rdbuf();
  lexicon.extend(ShopLexicon::parse(text.str(), path.string()));
  return lexicon;
}

}  // namespace

int priority_rank(const std::string& priority) {
  if (priority == "urgent") return 4;
  if (priority == "high") return 3;
  if (priority == "normal") return 2;
  if (priority == "low") return 1;
  return 0;
}

TriageConfig load_triage_config(const Config& config) {
  TriageConfig c;
  read_int(config, "support.escalate_threshold", c.threshold, 0, 100);
  read_points(config, c.points);
  for (auto& [priority, hours] : c.reply_hours)
    if (auto v = config.get_number("support.reply_hours." + priority)) {
      if (*v <= 0) bad(config, "support.reply_hours." + priority, "must be a positive number of hours");
      hours = *v;
    }
  for (const auto& name : config.table_keys("support.reply_hours"))
    if (!c.reply_hours.count(name))
      bad(config, "support.reply_hours." + name, "is not a priority (urgent, high, normal, low)");
  if (auto v = config.get_string_list("support.vip_segments")) c.vip_segments = *v;
  if (auto v = config.get_string_list("support.vip_tags")) c.vip_tags = *v;
  read_int(config, "support.repeat_window_days", c.repeat_window_days, 1, 3650);
  read_int(config, "support.csat_window_days", c.csat_window_days, 1, 3650);
  read_int(config, "support.order_window_days", c.order_window_days, 1, 3650);
  if (auto v = config.get_string("support.escalate_priority")) {
    if (priority_rank(*v) == 0) bad(config, "support.escalate_priority", "must be urgent, high, normal or low");
    c.escalate_priority = *v;
  }
  c.lexicon = read_lexicon(config);
  c.categories = category_rules(config);
  return c;
}

}  // namespace shopkeep::analytics::support
