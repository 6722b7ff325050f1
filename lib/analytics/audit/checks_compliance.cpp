// compliance: marketing mail without consent, people kept beyond the retention period, people who
// asked to be forgotten but are present again.
#include "analytics/audit/audit.hpp"
#include "analytics/audit/query.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::analytics::audit {

namespace {

void mail_without_consent(const AuditContext& ctx) {
  // Every campaign is marketing unless config audit.transactional_campaigns lists it.
  std::string transactional = ctx.config.get_string("audit.transactional_campaigns").value_or("");
  each_row(
      ctx,
      "SELECT l.id, l.campaign, l.recipient, coalesce(c.email_marketing_state, 'unknown') FROM email_log l "
      "LEFT JOIN customers c ON lower(trim(c.email)) = lower(trim(l.recipient)) AND c.deleted_at IS NULL "
      "WHERE l.status = 'sent' AND (c.email_marketing_state IS NULL OR c.email_marketing_state <> 'SUBSCRIBED') "
      "AND instr(',' || replace(?1, ' ', '') || ',', ',' || l.campaign || ',') = 0 ORDER BY l.id",
      [&](store::Stmt& s) { s.bind(1, transactional); },
      [&](store::Stmt& s) {
        ctx.add(subject("email_log", s.get_int(0)), "campaign '" + s.get_text(1) +
                                                        "' mailed someone whose consent is " + s.get_text(3) +
                                                        ": stop, and check the campaign's consent filter");
      });
}

void retention(const AuditContext& ctx) {
  auto days = static_cast<std::int64_t>(ctx.number("retention_days", 1095));
  each_row(
      ctx,
      "SELECT c.id, max(coalesce(c.updated_at, c.created_at), "
      "coalesce((SELECT max(o.ordered_at) FROM counted_orders o WHERE o.customer_id = c.id), '')) AS last FROM "
      "customers c WHERE c.deleted_at IS NULL AND last < "
      "?1 ORDER BY c.id",
      [&](store::Stmt& s) { s.bind(1, format_rfc3339(ctx.now - std::chrono::days{days})); },
      [&](store::Stmt& s) {
        ctx.add(subject("customers", s.get_int(0)), "inactive since " + s.get_text(1).substr(0, 10) + ", beyond the " +
                                                        std::to_string(days) +
                                                        "-day retention period: consider 'shopkeep customer forget'");
      });
}

void suppressed_present(const AuditContext& ctx) {
  privacy::SuppressionFilter suppressed(ctx.db);
  if (suppressed.empty()) return;
  each_row(ctx, "SELECT id, email FROM customers WHERE deleted_at IS NULL", nullptr, [&](store::Stmt& s) {
    if (suppressed.id("shopify_customer", s.get_int(0)) || (!s.is_null(1) && suppressed.email(s.get_text(1))))
      ctx.add(subject("customers", s.get_int(0)),
              "this person asked to be forgotten but is in the store again: run 'shopkeep customer forget'");
  });
  each_row(ctx, "SELECT id, email FROM zendesk_users WHERE deleted_at IS NULL", nullptr, [&](store::Stmt& s) {
    if (suppressed.id("zendesk_user", s.get_int(0)) || (!s.is_null(1) && suppressed.email(s.get_text(1))))
      ctx.add(subject("zendesk_users", s.get_int(0)),
              "this person asked to be forgotten but is in the store again: run 'shopkeep customer forget'");
  });
}

}  // namespace

void add_compliance_checks(std::vector<Check>& c) {
  c.push_back({"compliance.mail_without_consent", "compliance", Severity::error, "marketing email sent without consent",
               mail_without_consent, "email_log", "no email rendered or sent yet"});
  c.push_back({"compliance.retention", "compliance", Severity::info, "people inactive beyond the retention period",
               retention, "customers", "no customers in the store"});
  c.push_back({"compliance.suppressed_present", "compliance", Severity::error, "forgotten people present again",
               suppressed_present});
}

}  // namespace shopkeep::analytics::audit
