#pragma once
// The customers a campaign may write to, loaded once: address, first name, consent and test tag.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "analytics/campaigns/gate.hpp"
#include "store/db.hpp"

namespace shopkeep::analytics::campaigns {

struct CustomerRecord {
  Person person;
  std::string first_name;
};

// Every live customer by id.
std::unordered_map<std::int64_t, CustomerRecord> load_customers(store::Db& db, const std::string& test_tag);

}  // namespace shopkeep::analytics::campaigns
