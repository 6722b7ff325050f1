#pragma once
// Quoting and joining for the completion scripts.
#include <string>
#include <vector>

namespace shopkeep::cli {

// 'text' for sh, bash and zsh: a quote inside becomes '\''.
inline std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// 'text' for fish: backslash and quote are escaped inside single quotes.
inline std::string fish_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

inline std::string join_words(const std::vector<std::string>& words, const std::string& separator = " ") {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

// The path of a command as the scripts key it: "" for the root, "recommend rules".
inline std::string path_key(const std::vector<std::string>& path) { return join_words(path); }

}  // namespace shopkeep::cli
