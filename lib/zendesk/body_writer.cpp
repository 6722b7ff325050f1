#include "zendesk/body_writer.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "privacy/suppression.hpp"
#include "store/nlohmann_access.hpp"
#include "store/upsert.hpp"

namespace shopkeep::zendesk {

namespace {

using nlohmann::json;

using K = store::FieldKind;
using Upsert = store::Upsert<store::NlohmannAccess>;

constexpr store::Column kUsers[] = {
    {"email", "/email", K::text},
    {"name", "/name", K::text},
    {"role", "/role", K::text},
    {"active", "/active", K::boolean},
    {"organization_id", "/organization_id", K::integer},
    {"created_at", "/created_at", K::time},
    {"updated_at", "/updated_at", K::time},
};
// A deleted ticket reads `deleted` whatever the sync history (a fresh sync knows no other status);
// the last status it had while live is kept in last_live_status when this store saw it. Zendesk
// scrubs deleted tickets' text ("SCRUBBED"): the text the store had is kept.
constexpr store::Column kTickets[] = {
    {"requester_id", "/requester_id", K::integer},
    {"submitter_id", "/submitter_id", K::integer},
    {"assignee_id", "/assignee_id", K::integer},
    {"subject", "/subject|/raw_subject", K::text,
     "CASE WHEN excluded.subject = 'SCRUBBED' AND tickets.subject IS NOT NULL THEN tickets.subject "
     "ELSE excluded.subject END"},
    {"description", "/description", K::text,
     "CASE WHEN excluded.description = 'SCRUBBED' AND tickets.description IS NOT NULL THEN tickets.description "
     "ELSE excluded.description END"},
    {"status", "/status", K::text},
    {"priority", "/priority", K::text},
    {"type", "/type", K::text},
    {"channel", "/via/channel", K::text},
    {"tags", "/tags", K::json},
    {"created_at", "/created_at", K::time},
    {"updated_at", "/updated_at", K::time},
    {"organization_id", "/organization_id", K::integer},
    {"group_id", "/group_id", K::integer},
    {"last_live_status", "/status", K::text, "coalesce(excluded.last_live_status, tickets.last_live_status)",
     "nullif(?, 'deleted')"},
};
constexpr store::Column kMetrics[] = {
    {"ticket_id", "/ticket_id", K::integer},
    {"reply_time_calendar_minutes", "/reply_time_in_minutes/calendar", K::integer},
    {"reply_time_business_minutes", "/reply_time_in_minutes/business", K::integer},
    {"first_resolution_time_calendar_minutes", "/first_resolution_time_in_minutes/calendar", K::integer},
    {"full_resolution_time_calendar_minutes", "/full_resolution_time_in_minutes/calendar", K::integer},
    {"full_resolution_time_business_minutes", "/full_resolution_time_in_minutes/business", K::integer},
    {"replies", "/replies", K::integer},
    {"reopens", "/reopens", K::integer},
    {"solved_at", "/solved_at", K::time},
    {"created_at", "/created_at", K::time},
    {"updated_at", "/updated_at", K::time},
};
constexpr store::Column kComments[] = {
    {"ticket_id", "/ticket_id", K::integer}, {"author_id", "/author_id", K::integer}, {"public", "/public", K::boolean},
    {"body", "/plain_body|/body", K::text},  {"created_at", "/created_at", K::time},
};
constexpr store::Column kRatings[] = {
    {"ticket_id", "/ticket_id", K::integer},
    {"requester_id", "/requester_id", K::integer},
    {"assignee_id", "/assignee_id", K::integer},
    {"score", "/score", K::text},
    {"comment", "/comment", K::text},
    {"reason", "/reason", K::text},
    {"created_at", "/created_at", K::time},
    {"updated_at", "/updated_at", K::time},
};

constexpr store::Column kOrganizations[] = {
    {"name", "/name", K::text},
    {"external_id", "/external_id", K::text},
    {"group_id", "/group_id", K::integer},
    {"domain_names", "/domain_names", K::json},
    {"tags", "/tags", K::json},
    {"created_at", "/created_at", K::time},
    {"updated_at", "/updated_at", K::time},
};
constexpr store::Column kGroups[] = {
    {"name", "/name", K::text},
    {"description", "/description", K::text},
    {"is_default", "/default", K::boolean},
    {"created_at", "/created_at", K::time},
    {"updated_at", "/updated_at", K::time},
};
// A CSAT survey response (the new CSAT), read from its flattened form (see flatten_survey_response).
constexpr store::Column kSurveyResponses[] = {
    {"ticket_id", "/ticket_id", K::integer}, {"requester_id", "/responder_id", K::integer},
    {"rating", "/rating", K::integer},       {"score", "/rating_category", K::text},
    {"comment", "/comment", K::text},        {"created_at", "/created_at", K::time},
    {"updated_at", "/updated_at", K::time},
};

constexpr store::UpsertTable kUserSpec{"zendesk_users", kUsers, true, true};
constexpr store::UpsertTable kOrganizationSpec{"zendesk_organizations", kOrganizations, true, true};
constexpr store::UpsertTable kGroupSpec{"zendesk_groups", kGroups, true, true};
constexpr store::UpsertTable kSurveyResponseSpec{"csat_responses", kSurveyResponses, true, false};
constexpr store::UpsertTable kTicketSpec{"tickets", kTickets, true, true};
constexpr store::UpsertTable kMetricSpec{"ticket_metrics", kMetrics, true, false};
constexpr store::UpsertTable kCommentSpec{"ticket_comments", kComments, false, false};
constexpr store::UpsertTable kRatingSpec{"satisfaction_ratings", kRatings, true, false};

}  // namespace

struct BodyWriter::Impl {
  store::Db& db;
  Reporter& reporter;
  std::string synced_at;
  WriteCounts counts;
  privacy::SuppressionFilter suppressions;
  Upsert users, tickets, metrics, comments, ratings, organizations, groups, survey_responses;
  std::string where;  // "tickets.json: tickets[3] (id 42): " for errors

  Impl(store::Db& d, Reporter& r, std::string at)
      : db(d),
        reporter(r),
        synced_at(std::move(at)),
        suppressions(d),
        users(d, kUserSpec),
        tickets(d, kTicketSpec),
        metrics(d, kMetricSpec),
        comments(d, kCommentSpec),
        ratings(d, kRatingSpec),
        organizations(d, kOrganizationSpec),
        groups(d, kGroupSpec),
        survey_responses(d, kSurveyResponseSpec) {}

  [[noreturn]] void fail(const std::string& what) const { throw runtime_error(where + what); }

  std::int64_t item_id(const json& item) {
    auto it = item.find("id");
    if (it == item.end() || !it->is_number_integer()) fail("no usable id");
    auto id = store::NlohmannAccess::int64_of(*it);
    if (!id) fail("no usable id: " + it->dump() + " is beyond the store's 64-bit integer ids");
    return *id;
  }

  // An integer field the code itself reads (ticket_id, requester_id ...): absent or null is nullopt,
  // anything but an int64 an error naming the field.
  std::optional<std::int64_t> integer_field(const json& item, const char* key) {
    auto it = item.find(key);
    if (it == item.end() || it->is_null()) return std::nullopt;
    auto n = store::NlohmannAccess::int64_of(*it);
    if (!n) fail(std::string("field ") + key + ": expected a 64-bit integer, got " + it->dump());
    return n;
  }

  // A string field the code itself reads (status, event_type ...): absent or null is "", anything
  // but a string an error naming the field (not the JSON library's type_error).
  std::string text_field(const json& item, const char* key) {
    auto it = item.find(key);
    if (it == item.end() || it->is_null()) return {};
    if (!it->is_string()) fail(std::string("field ") + key + ": expected a string, got " + it->dump());
    return it->get<std::string>();
  }

  // Runs the upsert; `deleted_at` only for tables that have it.
  void upsert(Upsert& upsert, std::int64_t id, const json& item, std::optional<std::string> deleted_at = std::nullopt) {
    std::string raw = item.dump();
    std::optional<std::string_view> deleted;
    if (deleted_at) deleted = *deleted_at;
    count(std::string(upsert.table().name), upsert.write(id, std::nullopt, item, raw, synced_at, deleted, where));
  }

  void count(const std::string& table, store::WriteOutcome outcome) {
    counts.tables[table].add(outcome);
    if (outcome == store::WriteOutcome::older)
      ++counts.older_skipped;
    else
      ++counts.written[table];
  }

  template <typename F>
  void each(const json& body, const char* key, const std::string& source, F&& handle) {
    const json& items = body.at(key);
    if (!items.is_array()) {
      where = source + ": ";
      fail(std::string("'") + key + "' is not an array");
    }
    for (size_t i = 0; i < items.size(); ++i) {
      locate(source, key, i, items[i]);
      handle(items[i]);
    }
  }

  // `where` for item `index` of the array under `key`; an item must be an object.
  void locate(const std::string& source, std::string_view key, size_t index, const json& item) {
    where = source + ": " + std::string(key) + "[" + std::to_string(index) + "]";
    if (item.is_object() && item.contains("id")) where += " (id " + item["id"].dump() + ")";
    where += ": ";
    if (!item.is_object()) fail("expected an object");
  }

  std::optional<std::string> normalised_time(const json& item, const char* key) {
    auto it = item.find(key);
    if (it == item.end() || !it->is_string()) return std::nullopt;
    auto t = parse_rfc3339(it->get<std::string>());
    return t ? std::optional(format_rfc3339(*t)) : std::nullopt;
  }

  bool ticket_suppressed(std::int64_t ticket_id) { return suppressions.id("zendesk_ticket", ticket_id); }
  bool user_suppressed(const json& item, const char* key) {
    auto id = integer_field(item, key);
    return id && suppressions.id("zendesk_user", *id);
  }

  void write_user(const json& item) {
    std::int64_t id = item_id(item);
    auto email = item.find("email");
    if (suppressions.id("zendesk_user", id) ||
        (email != item.end() && email->is_string() && suppressions.email(email->get<std::string>()))) {
      ++counts.suppressed;
      return;
    }
    // Zendesk keeps deleted users with active: false; the store marks them deleted.
    bool inactive = item.contains("active") && item["active"].is_boolean() && !item["active"].get<bool>();
    upsert(users, id, item, inactive ? normalised_time(item, "updated_at") : std::nullopt);
  }

  void write_ticket(const json& item) {
    std::int64_t id = item_id(item);
    if (ticket_suppressed(id) || user_suppressed(item, "requester_id")) {
      ++counts.suppressed;
      return;
    }
    bool deleted = text_field(item, "status") == "deleted";
    // A deleted ticket without (a readable) updated_at is still deleted: as of this import.
    upsert(tickets, id, item,
           deleted ? normalised_time(item, "updated_at").value_or(synced_at) : std::optional<std::string>());
    // The cursor export with include=metric_sets carries each ticket's metrics inside it.
    if (auto metric = item.find("metric_set"); metric != item.end() && metric->is_object()) {
      std::string outer = where;
      where += "metric_set: ";
      write_metric(*metric);
      where = outer;
    }
  }

  void write_organization(const json& item) {
    upsert(organizations, item_id(item), item, normalised_time(item, "deleted_at"));
  }

  void write_group(const json& item) {
    bool deleted = item.contains("deleted") && item["deleted"].is_boolean() && item["deleted"].get<bool>();
    upsert(groups, item_id(item), item, deleted ? normalised_time(item, "updated_at") : std::nullopt);
  }

  // A survey response names its ticket among its subjects and holds its rating and comment among
  // its answers: those are read into a flat object; raw keeps the response as received.
  static json flatten_survey_response(const json& item) {
    json flat = {{"responder_id", item.value("responder_id", json())}};
    for (const auto& subject : item.value("subjects", json::array()))
      if (subject.is_object() && subject.contains("type") && subject["type"] == "ticket" && subject.contains("id")) {
        const json& id = subject["id"];
        if (id.is_string()) flat["ticket_id"] = std::strtoll(id.get<std::string>().c_str(), nullptr, 10);
        if (id.is_number_integer()) flat["ticket_id"] = id;
      }
    for (const auto& answer : item.value("answers", json::array())) {
      if (!answer.is_object()) continue;
      std::string type = answer.contains("type") && answer["type"].is_string() ? answer["type"].get<std::string>() : "";
      if (type == "rating_scale") {
        flat["rating"] = answer.value("rating", json());
        flat["rating_category"] = answer.value("rating_category", json());
        flat["created_at"] = answer.value("created_at", json());
        flat["updated_at"] = answer.value("updated_at", json());
      } else if (type == "open_ended") {
        flat["comment"] = answer.value("value", json());
      }
    }
    return flat;
  }

  void write_survey_response(const json& item) {
    auto id = item.find("id");
    if (id == item.end() || !id->is_string() || id->get<std::string>().empty()) fail("no usable id");
    json flat = flatten_survey_response(item);
    if (auto ticket = integer_field(flat, "ticket_id");
        (ticket && ticket_suppressed(*ticket)) || user_suppressed(flat, "responder_id")) {
      ++counts.suppressed;
      return;
    }
    std::string raw = item.dump();
    count("csat_responses", survey_responses.write(std::string_view(id->get_ref<const std::string&>()), std::nullopt,
                                                   flat, raw, synced_at, std::nullopt, where));
  }

  void write_metric(const json& item) {
    std::int64_t id = item_id(item);
    auto ticket = integer_field(item, "ticket_id");
    if (!ticket) fail("no ticket_id");
    if (ticket_suppressed(*ticket)) {
      ++counts.suppressed;
      return;
    }
    upsert(metrics, id, item);
  }

  void write_rating(const json& item) {
    std::int64_t id = item_id(item);
    auto ticket = integer_field(item, "ticket_id");
    if ((ticket && ticket_suppressed(*ticket)) || user_suppressed(item, "requester_id")) {
      ++counts.suppressed;
      return;
    }
    upsert(ratings, id, item);
  }

  void write_comment(json comment, std::int64_t ticket_id, const std::optional<std::string>& fallback_time) {
    std::int64_t id = item_id(comment);
    if (ticket_suppressed(ticket_id) || user_suppressed(comment, "author_id")) {
      ++counts.suppressed;
      return;
    }
    comment["ticket_id"] = ticket_id;
    if (!comment.contains("created_at") && fallback_time) comment["created_at"] = *fallback_time;
    upsert(comments, id, comment);
  }

  void write_event(const json& event) {
    auto ticket = integer_field(event, "ticket_id");
    if (!ticket) fail("no ticket_id");
    auto children = event.find("child_events");
    if (children == event.end() || !children->is_array()) return;
    std::optional<std::string> when;
    if (auto it = event.find("created_at"); it != event.end() && it->is_string()) when = it->get<std::string>();
    std::string outer = where;
    for (size_t i = 0; i < children->size(); ++i) {
      const json& child = (*children)[i];
      where = outer + "child_events[" + std::to_string(i) + "]: ";
      if (child.is_object() && text_field(child, "event_type") == "Comment") write_comment(child, *ticket, when);
    }
    where = outer;
  }

  using ItemWriter = void (Impl::*)(const json&);
  // The writer of each kind of item, by the top-level key a body lists them under; in the order a
  // parsed body is written (metric sets after their tickets, so a suppressed ticket's go too).
  static const std::vector<std::pair<std::string_view, ItemWriter>>& item_writers() {
    static const std::vector<std::pair<std::string_view, ItemWriter>> writers = {
        {"users", &Impl::write_user},
        {"tickets", &Impl::write_ticket},
        {"metric_sets", &Impl::write_metric},
        {"ticket_metrics", &Impl::write_metric},
        {"ticket_events", &Impl::write_event},
        {"satisfaction_ratings", &Impl::write_rating},
        {"survey_responses", &Impl::write_survey_response},
        {"organizations", &Impl::write_organization},
        {"groups", &Impl::write_group},
    };
    return writers;
  }

  static ItemWriter writer_for(std::string_view key) {
    for (const auto& [name, writer] : item_writers())
      if (name == key) return writer;
    return nullptr;
  }

  // A body must be an object holding at least one known array (items aside, which a streamed body
  // has already handed over): anything else is named, with what it holds.
  void check_body(const json& body, const std::string& source) {
    where = source + ": ";
    if (!body.is_object()) fail("expected a JSON object (a Zendesk API response body)");
    bool known = false;
    for (const auto& [key, _] : item_writers()) {
      auto it = body.find(key);
      if (it == body.end()) continue;
      if (!it->is_array()) fail("'" + std::string(key) + "' is not an array");
      known = true;
    }
    if (known) return;
    if (body.contains("comments"))
      fail(
          "per-ticket comment pages (tickets/{id}/comments.json) carry no ticket id, so an import cannot "
          "place them; import ticket_events (include=comment_events) instead");
    std::string keys;
    for (const auto& [key, _] : body.items()) keys += (keys.empty() ? "" : ", ") + key;
    fail("not a Zendesk response body I know (top-level keys: " + keys +
         "); expected tickets, ticket_metrics, users, ticket_events, satisfaction_ratings, survey_responses, "
         "organizations or groups");
  }

  void write_item(ItemWriter writer, const std::string& source, std::string_view key, size_t index, const json& item) {
    locate(source, key, index, item);
    (this->*writer)(item);
  }

  void write(const json& body, const std::string& source) {
    check_body(body, source);
    ++counts.documents;
    for (const auto& [key, writer] : item_writers()) {
      auto it = body.find(key);
      if (it == body.end()) continue;
      for (size_t i = 0; i < it->size(); ++i) write_item(writer, source, key, i, (*it)[i]);
    }
  }

  std::string streamed_source;  // the body begin_body named
};

std::vector<std::string> BodyWriter::tables() {
  std::vector<std::string> names;
  for (const auto* spec : {&kUserSpec, &kOrganizationSpec, &kGroupSpec, &kSurveyResponseSpec, &kTicketSpec, &kMetricSpec,
                           &kCommentSpec, &kRatingSpec})
    names.emplace_back(spec->name);
  return names;
}

BodyWriter::BodyWriter(store::Db& db, Reporter& reporter, std::string synced_at)
    : impl_(std::make_unique<Impl>(db, reporter, std::move(synced_at))) {}
BodyWriter::~BodyWriter() = default;

void BodyWriter::write(const nlohmann::json& body, const std::string& source) { impl_->write(body, source); }

void BodyWriter::write_ticket_comments(const nlohmann::json& body, std::int64_t ticket_id, const std::string& source) {
  impl_->each(body, "comments", source,
              [&](const nlohmann::json& c) { impl_->write_comment(c, ticket_id, std::nullopt); });
}

void BodyWriter::begin_body(const std::string& source) { impl_->streamed_source = source; }

bool BodyWriter::writes_items_of(std::string_view key) { return Impl::writer_for(key) != nullptr; }

void BodyWriter::write_item(std::string_view key, size_t index, const nlohmann::json& item) {
  auto writer = Impl::writer_for(key);
  if (writer == nullptr) throw std::logic_error("write_item: no writer for " + std::string(key));
  impl_->write_item(writer, impl_->streamed_source, key, index, item);
}

void BodyWriter::end_body(const nlohmann::json& rest) {
  impl_->check_body(rest, impl_->streamed_source);
  ++impl_->counts.documents;
}

const WriteCounts& BodyWriter::counts() const { return impl_->counts; }

}  // namespace shopkeep::zendesk
