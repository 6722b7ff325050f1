// customers: duplicates by normalised email, invalid email syntax, unknown consent state.
#include <cctype>

#include "analytics/audit/audit.hpp"
#include "analytics/audit/query.hpp"

namespace shopkeep::analytics::audit {

namespace {

// Deliberately simple: one @, something before it, a dotted domain after it, no spaces.
bool plausible_email(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) return false;
  std::string domain = email.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 >= domain.size() || domain.back() == '.') return false;
  for (char c : email)
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';') return false;
  return true;
}

void duplicates(const AuditContext& ctx) {
  each_row(ctx,
           "SELECT c.id, lower(trim(c.email)), (SELECT count(*) FROM customers d WHERE lower(trim(d.email)) = "
           "lower(trim(c.email)) "
           "AND d.deleted_at IS NULL) FROM customers c WHERE c.deleted_at IS NULL AND c.email IS NOT NULL AND "
           "trim(c.email) <> '' "
           "AND lower(trim(c.email)) IN (SELECT lower(trim(email)) FROM customers WHERE deleted_at IS NULL AND email "
           "IS NOT NULL "
           "GROUP BY lower(trim(email)) HAVING count(*) > 1) ORDER BY lower(trim(c.email)), c.id",
           nullptr, [&](store::Stmt& s) {
             ctx.add(subject("customers", s.get_int(0)),
                     "one of " + std::to_string(s.get_int(2)) + " customers with the email " + s.get_text(1) +
                         ": merge them in Shopify so history and consent stay together");
           });
}

void invalid(const AuditContext& ctx) {
  each_row(ctx,
           "SELECT id, email FROM customers WHERE deleted_at IS NULL AND email IS NOT NULL AND trim(email) <> '' ORDER "
           "BY id",
           nullptr, [&](store::Stmt& s) {
             std::string email = s.get_text(1);
             std::string trimmed = email;
             while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
             while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
               trimmed.erase(trimmed.begin());
             if (!plausible_email(trimmed))
               ctx.add(subject("customers", s.get_int(0)),
                       "email '" + email + "' is not a valid address: correct it or mail will bounce");
           });
}

void unknown_consent(const AuditContext& ctx) {
  each_row(ctx,
           "SELECT id FROM customers WHERE deleted_at IS NULL AND email IS NOT NULL AND email_marketing_state IS NULL "
           "ORDER BY id",
           nullptr, [&](store::Stmt& s) {
             ctx.add(subject("customers", s.get_int(0)),
                     "consent to email marketing is unknown: treat as not subscribed, or ask");
           });
}

}  // namespace

void add_customer_checks(std::vector<Check>& c) {
  size_t first = c.size();
  c.push_back(
      {"customers.duplicate_email", "customers", Severity::warn, "customers sharing a normalised email", duplicates});
  c.push_back({"customers.invalid_email", "customers", Severity::warn, "emails that are not valid addresses", invalid});
  c.push_back({"customers.unknown_consent", "customers", Severity::info, "customers with an unknown consent state",
               unknown_consent});
  needs_rows(c, first, "customers", "no customers in the store");
}

}  // namespace shopkeep::analytics::audit
