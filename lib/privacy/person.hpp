#pragma once
// Everything the store holds about one person, found from their email: the rows of every table
// that belong to them, named once here so that export and forget can never disagree.
#include <string>
#include <vector>

#include "store/db.hpp"

namespace shopkeep::privacy {

struct PersonTable {
  std::string table;
  std::string where;  // a condition over the temp table `person_keys(kind, id)` and ?1 = the email
};

// Binds the email as ?1 when the statement uses it.
void bind_email(store::Stmt& stmt, const std::string& normalised_email);

// The tables in an order where children come before their parents (safe for deletes).
const std::vector<PersonTable>& person_tables();

// Fills temp.person_keys with the ids that identify the person (customer, zendesk_user, order,
// checkout, ticket); returns false when nothing in the store matches the email.
bool collect_person_keys(store::Db& db, const std::string& normalised_email);

}  // namespace shopkeep::privacy
