#include "analytics/campaigns/customers.hpp"

namespace shopkeep::analytics::campaigns {

std::unordered_map<std::int64_t, CustomerRecord> load_customers(store::Db& db, const std::string& test_tag) {
  std::unordered_map<std::int64_t, CustomerRecord> out;
  store::Stmt s(db,
                "SELECT id, coalesce(email, ''), coalesce(first_name, ''), email_marketing_state, "
                "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(tags) THEN tags ELSE '[]' END) "
                "        WHERE lower(value) = lower(?1)) "
                "FROM customers WHERE deleted_at IS NULL");
  s.bind(1, test_tag);
  while (s.step()) {
    std::int64_t id = s.get_int(0);
    out[id] = {{id, s.get_text(1), s.get_opt_text(3), s.get_int(4) != 0}, s.get_text(2)};
  }
  return out;
}

}  // namespace shopkeep::analytics::campaigns
