#include "suggest.hpp"

#include <algorithm>

namespace shopkeep::cmd {

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The innermost command parsed so far: its subcommands are what the user meant to type.
CLI::App* innermost(CLI::App& app) {
  CLI::App* current = &app;
  for (;;) {
    auto subs = current->get_subcommands();
    if (subs.empty()) return current;
    current = subs.front();
  }
}

}  // namespace

std::string closest_match(std::string_view typed, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, typed.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(typed, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string suggest_for_parse_error(CLI::App& app, const CLI::ParseError& error) {
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) return "";
  CLI::App* at = innermost(app);
  auto extras = at->remaining();
  if (extras.empty()) extras = app.remaining();
  if (extras.empty() || extras.front().rfind("-", 0) == 0) return "";
  std::vector<std::string> names;
  for (const auto* sub : at->get_subcommands({})) names.push_back(sub->get_name());
  std::string match = closest_match(extras.front(), names);
  return match.empty() ? "" : "unknown command '" + extras.front() + "', did you mean '" + match + "'?";
}

std::string missing_command_message(CLI::App& app) {
  CLI::App* at = innermost(app);
  std::string names;
  for (const auto* sub : at->get_subcommands({})) names += (names.empty() ? "" : ", ") + sub->get_name();
  std::string path = at == &app ? "shopkeep" : "shopkeep " + at->get_name();
  return path + " needs a command: " + names + " (see '" + path + " --help')";
}

}  // namespace shopkeep::cmd
