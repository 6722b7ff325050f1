#include "shopify/source.hpp"
#include "sync/source.hpp"
#include "zendesk/source.hpp"

namespace shopkeep::sync {

const std::vector<SourceDef>& sources() {
  static const std::vector<SourceDef> all = {shopify::source_def(), zendesk::source_def()};
  return all;
}

const SourceDef* find_source(std::string_view name) {
  for (const auto& s : sources())
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace shopkeep::sync
