#pragma once
// A small append-only JSON writer for the generator's hot loop (millions of lines): the output
// is plain JSON; only strings need escaping.
#include <cstdint>
#include <string>
#include <string_view>

namespace shopkeep::demo {

class JsonLine {
 public:
  JsonLine& begin() {
    out_.clear();
    out_ += '{';
    first_ = true;
    return *this;
  }
  JsonLine& key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    quoted(k);
    out_ += ':';
    return *this;
  }
  JsonLine& str(std::string_view k, std::string_view v) {
    key(k);
    quoted(v);
    return *this;
  }
  JsonLine& num(std::string_view k, std::int64_t v) {
    key(k);
    out_ += std::to_string(v);
    return *this;
  }
  JsonLine& boolean(std::string_view k, bool v) {
    key(k);
    out_ += v ? "true" : "false";
    return *this;
  }
  JsonLine& null(std::string_view k) {
    key(k);
    out_ += "null";
    return *this;
  }
  JsonLine& raw(std::string_view k, std::string_view json) {
    key(k);
    out_ += json;
    return *this;
  }
  // {"shopMoney":{"amount":"12.90","currencyCode":"EUR"}}
  JsonLine& money(std::string_view k, std::string_view amount, std::string_view currency) {
    key(k);
    out_ += "{\"shopMoney\":{\"amount\":";
    quoted(amount);
    out_ += ",\"currencyCode\":";
    quoted(currency);
    out_ += "}}";
    return *this;
  }
  JsonLine& open(std::string_view k) {
    key(k);
    out_ += '{';
    first_ = true;
    return *this;
  }
  JsonLine& close() {
    out_ += '}';
    first_ = false;
    return *this;
  }
  const std::string& end() {
    out_ += '}';
    return out_;
  }
  static std::string quote(std::string_view v) {
    JsonLine j;
    j.quoted(v);
    return j.out_;
  }

 private:
  void quoted(std::string_view v) {
    out_ += '"';
    for (char c : v) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_ += hex[(c >> 4) & 15];
            out_ += hex[c & 15];
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }
  std::string out_;
  bool first_ = true;
};

}  // namespace shopkeep::demo
