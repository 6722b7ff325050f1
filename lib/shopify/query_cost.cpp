#include "shopify/query_cost.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace shopkeep::shopify {

namespace {

// One selected field: its name, the `first` it asks for and its own selection (inline fragments'
// fields are merged into their parent's).
struct Field {
  std::string name;
  std::optional<double> first;
  bool has_selection = false;
  std::vector<Field> children;
};

const Field* child(const Field& f, std::string_view name) {
  for (const auto& c : f.children)
    if (c.name == name) return &c;
  return nullptr;
}

double cost(const Field& f);

double object_cost(const Field& f) {
  double total = 1;
  for (const auto& c : f.children) total += cost(c);
  return total;
}

double cost(const Field& f) {
  if (!f.has_selection) return 0;  // scalars and enums
  const Field* nodes = child(f, "nodes");
  if (const Field* edges = child(f, "edges"); nodes == nullptr && edges != nullptr) nodes = child(*edges, "node");
  if (nodes != nullptr) return 2 + f.first.value_or(1) * object_cost(*nodes);  // a connection; pageInfo is in the 2
  double object = object_cost(f);
  return f.first ? *f.first * object : object;  // a list of objects with `first`, or one object
}

// A recursive-descent reader of the GraphQL subset our queries use.
class Reader {
 public:
  Reader(std::string_view text, const nlohmann::json& variables) : text_(text), variables_(variables) {}

  double document() {
    skip();
    bool mutation = false;
    if (peek_word("query") || peek_word("mutation")) {
      mutation = word() == "mutation";
      skip();
      if (std::isalpha(static_cast<unsigned char>(current()))) word();  // the operation's name
      skip();
      if (current() == '(') skip_balanced('(', ')');  // variable definitions
    }
    Field root;
    selection_set(root);
    if (mutation) return 10;
    double total = 0;
    for (const auto& f : root.children) total += cost(f);
    return total;
  }

 private:
  void selection_set(Field& parent) {
    expect('{');
    parent.has_selection = true;
    for (skip(); current() != '}'; skip()) {
      if (at_end()) fail("unterminated selection set");
      if (text_.substr(pos_, 3) == "...") {  // an inline fragment: its fields are the parent's
        pos_ += 3;
        skip();
        if (peek_word("on")) {
          word();
          skip();
          word();
          skip();
        }
        selection_set(parent);
        continue;
      }
      parent.children.push_back(field());
    }
    ++pos_;
  }

  Field field() {
    Field f;
    f.name = word();
    skip();
    if (current() == ':') {  // an alias: the real name follows
      ++pos_;
      skip();
      f.name = word();
      skip();
    }
    if (current() == '(') f.first = arguments();
    skip();
    if (current() == '{') selection_set(f);
    return f;
  }

  // Reads "(name: value, ...)"; returns the value of `first` (or `last`) when given.
  std::optional<double> arguments() {
    expect('(');
    std::optional<double> first;
    for (skip(); current() != ')'; skip()) {
      if (at_end()) fail("unterminated arguments");
      std::string name = word();
      expect(':');
      skip();
      std::string value = argument_value();
      if (name == "first" || name == "last") first = number(value);
    }
    ++pos_;
    return first;
  }

  std::string argument_value() {
    size_t start = pos_;
    if (current() == '"') {
      for (++pos_; !at_end() && current() != '"'; ++pos_)
        if (current() == '\\') ++pos_;
      ++pos_;
    } else if (current() == '[' || current() == '{') {
      skip_balanced(current(), current() == '[' ? ']' : '}');
    } else {
      while (!at_end() && (std::isalnum(static_cast<unsigned char>(current())) || current() == '$' ||
                           current() == '_' || current() == '-' || current() == '.'))
        ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  double number(const std::string& value) const {
    if (!value.empty() && value[0] == '$') {
      auto v = variables_.find(value.substr(1));
      return v != variables_.end() && v->is_number() ? v->get<double>() : 1;
    }
    char* end = nullptr;
    double n = std::strtod(value.c_str(), &end);
    return end != value.c_str() ? n : 1;
  }

  std::string word() {
    size_t start = pos_;
    while (!at_end() && (std::isalnum(static_cast<unsigned char>(current())) || current() == '_')) ++pos_;
    if (start == pos_) fail("expected a name");
    return std::string(text_.substr(start, pos_ - start));
  }

  bool peek_word(std::string_view w) const {
    return text_.substr(pos_, w.size()) == w &&
           (pos_ + w.size() >= text_.size() || !std::isalnum(static_cast<unsigned char>(text_[pos_ + w.size()])));
  }

  void skip_balanced(char open, char close) {
    int depth = 0;
    for (; !at_end(); ++pos_) {
      if (current() == open) ++depth;
      if (current() == close && --depth == 0) {
        ++pos_;
        return;
      }
    }
    fail("unbalanced brackets");
  }

  void skip() {
    while (!at_end() && (std::isspace(static_cast<unsigned char>(current())) || current() == ',')) ++pos_;
  }
  void expect(char c) {
    skip();
    if (current() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }
  char current() const { return at_end() ? '\0' : text_[pos_]; }
  bool at_end() const { return pos_ >= text_.size(); }
  [[noreturn]] void fail(const std::string& what) const {
    throw runtime_error("cannot estimate the cost of a GraphQL query: " + what + " at offset " + std::to_string(pos_));
  }

  std::string_view text_;
  const nlohmann::json& variables_;
  size_t pos_ = 0;
};

}  // namespace

double requested_cost(std::string_view document, const nlohmann::json& variables) {
  return Reader(document, variables).document();
}

}  // namespace shopkeep::shopify
