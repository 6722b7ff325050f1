#include "analytics/campaigns/known_campaigns.hpp"

#include <algorithm>
#include <string_view>

#include "core/closest_match.hpp"
#include "core/error.hpp"

namespace shopkeep::analytics::campaigns {

std::vector<std::string> known_campaigns(store::Db& db, const std::vector<std::string>& built_in, const char* plans) {
  std::vector<std::string> names = built_in;
  store::Stmt planned(db, std::string("SELECT DISTINCT campaign FROM ") + plans + " ORDER BY campaign");
  while (planned.step()) {
    std::string name = planned.get_text(0);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return names;
}

void require_known_campaign(const std::string& name, const std::vector<std::string>& known) {
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  std::vector<std::string_view> candidates(known.begin(), known.end());
  std::string closest = closest_match(name, candidates, 3);
  throw usage_error("no such campaign '" + name + "'",
                    (closest.empty() ? std::string() : "did you mean '" + closest + "'? ") + "known: " + list);
}

}  // namespace shopkeep::analytics::campaigns
