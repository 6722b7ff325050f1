// libFuzzer target: email templates (docs/email.md): a user's own template, as --templates gives
// it, rendered with the customer's data. The input is the template text, then a NUL, then the
// first name and the item title (split at the next NUL): a template that does not parse, names a
// missing partial or a variable the context lacks must be a usage error; nothing else may escape.
// Seeds: testdata/fuzz/template/.

#include <cstdint>
#include <filesystem>
#include <string>

#include "../fuzz_support.hpp"
#include "email/message.hpp"
#include "email/settings.hpp"
#include "email/templates.hpp"

namespace {

using namespace shopkeep;
namespace fs = std::filesystem;

// The field before the next NUL (all the rest when there is none); `rest` moves past it.
std::string next_field(std::string_view& rest) {
  size_t end = rest.find('\0');
  std::string field(rest.substr(0, end));
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  return field;
}

email::MessageInput message(std::string_view data) {
  email::MessageInput m;
  m.campaign = "winback";
  m.email = "ann@shop.test";
  m.first_name = next_field(data);
  email::ItemView item;
  item.title = next_field(data);
  item.price = "\u20ac12.00";
  m.items.push_back(item);
  m.recommendations.push_back(item);
  m.unsubscribe_url = "https://shop.test/u?t=abc";
  return m;
}

email::EmailSettings settings() {
  email::EmailSettings s;
  s.shop_name = "Test Roasters";
  s.postal_address = "1 Bean Street";
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string_view input = fuzz::as_text(data, size);
  std::string text = next_field(input);
  fs::path dir = fuzz::scratch_dir() / "templates";
  fs::create_directories(dir / "winback");
  for (const char* part : {"subject", "text", "html"})
    fuzz::write_file(dir / "winback" / (std::string(part) + ".mustache"), text);
  fuzz::expect_clean([&] {
    auto templates = email::TemplateSet::load("winback", dir, fs::path(SHOPKEEP_SOURCE_DIR) / "templates");
    templates.render(message(input), settings());
  });
  return 0;
}
