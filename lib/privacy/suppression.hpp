#pragma once
// People who asked to be forgotten are remembered only as one-way hashes, so that later imports
// and syncs can skip them without the store keeping who they were.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "store/db.hpp"

namespace shopkeep::privacy {

// Trimmed and lower-cased (ASCII): how emails are matched everywhere.
std::string normalise_email(std::string_view email);

// hex SHA-256 of "KIND:VALUE"; kinds: email (normalised), shopify_customer, zendesk_user, zendesk_ticket.
std::string suppression_hash(std::string_view kind, std::string_view value);

// The suppression list, loaded once; every check is free while it is empty (the usual case).
class SuppressionFilter {
 public:
  explicit SuppressionFilter(store::Db& db);
  bool empty() const { return hashes_.empty(); }
  bool email(std::string_view email) const;
  bool id(std::string_view kind, std::int64_t id) const;

 private:
  std::unordered_set<std::string> hashes_;
};

}  // namespace shopkeep::privacy
