#include "core/json_depth.hpp"

#include "core/error.hpp"

namespace shopkeep {

void check_json_depth(std::string_view text, size_t max_depth, const std::string& name) {
  size_t depth = 0, line = 1;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;  // the escaped character, which may be a quote
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '\n': ++line; break;
      case '[':
      case '{':
        if (++depth > max_depth)
          throw runtime_error(name + ":" + std::to_string(line) + ": invalid JSON: nested deeper than " +
                              std::to_string(max_depth) + " levels");
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default: break;
    }
  }
}

}  // namespace shopkeep
