#pragma once
// store::Upsert's view of simdjson DOM values (Shopify's JSONL lines).
#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shopkeep::store {

struct SimdjsonAccess {
  using Object = simdjson::dom::element;
  using Value = simdjson::dom::element;

  static std::optional<Value> at(const Object& object, std::string_view pointer) {
    Value value;
    if (object.at_pointer(pointer).get(value) || value.is_null()) return std::nullopt;
    return value;
  }
  static std::optional<std::string_view> string(const Value& v) {
    if (!v.is_string()) return std::nullopt;
    return v.get_string().value_unsafe();
  }
  static std::optional<std::int64_t> integer(const Value& v) {
    if (!v.is_int64()) return std::nullopt;
    return v.get_int64().value_unsafe();
  }
  static std::optional<bool> boolean(const Value& v) {
    if (!v.is_bool()) return std::nullopt;
    return v.get_bool().value_unsafe();
  }
  static std::string json_text(const Value& v) { return simdjson::minify(v); }
};

}  // namespace shopkeep::store
