#include "completes.hpp"

namespace shopkeep::cmd {

namespace {

constexpr const char* kValidatorName = "completes";
constexpr const char* kOneOfName = "one_of";  // validators.hpp: one_of(), described "one of a, b, c"

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t end = text.find(separator, start);
    std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!part.empty()) parts.push_back(part);
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

// CLI11 describes an IsMember set as "{a,b,c}" and a Transformer map as "{a->x,b->y}".
std::vector<std::string> set_members(const std::string& description) {
  if (description.size() < 2 || description.front() != '{' || description.back() != '}') return {};
  std::vector<std::string> members;
  for (auto& item : split(description.substr(1, description.size() - 2), ','))
    members.push_back(item.substr(0, item.find("->")));
  return members;
}

}  // namespace

CLI::Validator completes(const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& v : values) joined += (joined.empty() ? "" : "\n") + v;
  // Inactive: CLI11 then neither runs it nor shows its description in --help.
  CLI::Validator validator([](std::string&) { return std::string(); }, joined, kValidatorName);
  validator.active(false);
  return validator;
}

std::vector<std::string> completion_values(CLI::Option& option) {
  // CLI11 2.1 has no way to list an option's validators but by index until it throws.
  std::vector<const CLI::Validator*> validators;
  try {
    for (int i = 0;; ++i) validators.push_back(option.get_validator(i));
  } catch (const CLI::OptionNotFound&) {
  }
  for (const auto* v : validators)
    if (v->get_name() == kValidatorName) {
      CLI::Validator readable = *v;  // an inactive validator hides its description
      readable.active(true);
      return split(readable.get_description(), '\n');
    }
  for (const auto* v : validators)
    if (v->get_name() == kOneOfName) {
      std::string list = v->get_description().substr(std::string("one of ").size());
      std::vector<std::string> values;
      for (auto& item : split(list, ',')) values.push_back(item.substr(item.find_first_not_of(' ')));
      return values;
    }
  for (const auto* v : validators)
    if (auto members = set_members(v->get_description()); !members.empty()) return members;
  return {};
}

}  // namespace shopkeep::cmd
