#pragma once
// store::Upsert's view of nlohmann::json values (Zendesk's response bodies).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace shopkeep::store {

struct NlohmannAccess {
  using Object = nlohmann::json;
  using Value = const nlohmann::json*;

  static std::optional<Value> at(const Object& object, std::string_view pointer) {
    const nlohmann::json* node = &object;
    // A JSON pointer of plain object keys ("/via/channel"), as the specs use.
    while (!pointer.empty()) {
      pointer.remove_prefix(1);
      size_t slash = pointer.find('/');
      std::string_view key = pointer.substr(0, slash);
      if (!node->is_object()) return std::nullopt;
      auto it = node->find(key);
      if (it == node->end()) return std::nullopt;
      node = &*it;
      pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
    }
    if (node->is_null()) return std::nullopt;
    return node;
  }
  static std::optional<std::string_view> string(const Value& v) {
    if (!v->is_string()) return std::nullopt;
    return std::string_view(v->get_ref<const std::string&>());
  }
  // An integer the store's INTEGER holds: an unsigned one beyond INT64_MAX is not (it would wrap).
  static std::optional<std::int64_t> integer(const Value& v) { return int64_of(*v); }
  static std::optional<std::int64_t> int64_of(const nlohmann::json& v) {
    if (v.is_number_unsigned()) {
      auto n = v.get<std::uint64_t>();
      if (n > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
      return static_cast<std::int64_t>(n);
    }
    if (!v.is_number_integer()) return std::nullopt;
    return v.get<std::int64_t>();
  }
  static std::optional<bool> boolean(const Value& v) {
    if (!v->is_boolean()) return std::nullopt;
    return v->get<bool>();
  }
  static std::string json_text(const Value& v) { return v->dump(); }
};

}  // namespace shopkeep::store
