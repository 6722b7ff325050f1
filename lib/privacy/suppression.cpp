#include "privacy/suppression.hpp"

#include <cctype>

#include "core/sha256.hpp"

namespace shopkeep::privacy {

std::string normalise_email(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
  std::string out(email);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string suppression_hash(std::string_view kind, std::string_view value) {
  std::string input(kind);
  input += ':';
  input += value;
  return sha256_hex(input);
}

SuppressionFilter::SuppressionFilter(store::Db& db) {
  store::Stmt all(db, "SELECT hash FROM suppressions");
  while (all.step()) hashes_.insert(all.get_text(0));
}

bool SuppressionFilter::email(std::string_view email) const {
  if (hashes_.empty() || email.empty()) return false;
  return hashes_.count(suppression_hash("email", normalise_email(email))) > 0;
}

bool SuppressionFilter::id(std::string_view kind, std::int64_t id) const {
  if (hashes_.empty()) return false;
  return hashes_.count(suppression_hash(kind, std::to_string(id))) > 0;
}

}  // namespace shopkeep::privacy
