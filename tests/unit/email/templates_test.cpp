#include "email/templates.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "core/error.hpp"
#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::email;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

MessageInput message() {
  MessageInput m;
  m.campaign = "winback";
  m.first_name = "<b>Ann</b> & co";
  m.email = "ann@shop.test";
  ItemView item;
  item.title = "Beans";
  item.price = "\u20ac12.00";
  m.recommendations.push_back(item);
  return m;
}

EmailSettings settings() {
  EmailSettings s;
  s.shop_name = "Test Roasters";
  s.postal_address = "1 Bean Street";
  return s;
}

}  // namespace

TEST_CASE("HTML is escaped in html, not in subject and text; partials are shared") {
  testing::TempStore store;  // for its temporary folder
  fs::path root = store.dir() / "templates";
  write(root / "email/partials/footer.mustache", "-- {{shop.name}}, {{postal_address}}");
  write(root / "email/winback/subject.mustache", "Hi {{first_name}}\n");
  write(root / "email/winback/text.mustache",
        "Hi {{first_name}}\n{{#recommendations}}* {{title}} {{price}}\n{{/recommendations}}{{> footer}}");
  write(root / "email/winback/html.mustache",
        "<p>Hi "
        "{{first_name}}</p>{{#has_recommendations}}<ul>{{#recommendations}}<li>{{title}}</li>{{/recommendations}}</"
        "ul>{{/has_recommendations}}{{> footer}}");
  auto t = TemplateSet::load("winback", std::nullopt, root);
  auto parts = t.render(message(), settings());
  CHECK(parts.subject == "Hi <b>Ann</b> & co");
  CHECK(parts.text == "Hi <b>Ann</b> & co\n* Beans \u20ac12.00\n-- Test Roasters, 1 Bean Street");
  CHECK(parts.html ==
        "<p>Hi &lt;b&gt;Ann&lt;/b&gt; &amp; co</p><ul><li>Beans</li></ul>-- Test Roasters, 1 Bean Street");

  SUBCASE("an override replaces one file; the others stay the defaults") {
    fs::path mine = store.dir() / "mine";
    write(mine / "winback/subject.mustache", "Custom for {{first_name}}");
    auto o = TemplateSet::load("winback", mine, root).render(message(), settings());
    CHECK(o.subject == "Custom for <b>Ann</b> & co");
    CHECK(o.html == parts.html);
  }
  SUBCASE("a missing variable names the template file and the variable") {
    fs::path mine = store.dir() / "typo";
    write(mine / "email/partials/footer.mustache", "{{postal_adress}}");
    auto bad = TemplateSet::load("winback", mine, root);
    try {
      bad.render(message(), settings());
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::usage);
      CHECK(std::string(e.what()).find("typo/email/partials/footer.mustache") != std::string::npos);
      CHECK(std::string(e.what()).find("'postal_adress'") != std::string::npos);
    }
  }
  SUBCASE("a missing file or partial is an error before anything renders") {
    CHECK_THROWS_AS(TemplateSet::load("refill", std::nullopt, root), Error);
    write(root / "email/refill/subject.mustache", "{{> nope}}");
    CHECK_THROWS_WITH_AS(TemplateSet::load("refill", std::nullopt, root), doctest::Contains("partial 'nope'"), Error);
  }
}

TEST_CASE("the default templates render every campaign with the documented context") {
  fs::path root = fs::path(SHOPKEEP_SOURCE_DIR) / "templates";
  for (const char* campaign : {"cart-recovery", "winback", "refill", "cross-sell"}) {
    auto t = TemplateSet::load(campaign, std::nullopt, root);
    auto m = message();
    m.campaign = campaign;
    m.items = m.recommendations;
    m.recovery_url = "https://shop.test/checkouts/1/recover";
    m.unsubscribe_url = "https://shop.test/u?t=1";
    m.incentive = {analytics::campaigns::Incentive::Kind::percent, 10};
    m.discount_code = "SAVE10";
    auto parts = t.render(m, settings());
    CHECK_MESSAGE(parts.subject.find("10% off") != std::string::npos, campaign);
    CHECK_MESSAGE(parts.html.find("SAVE10") != std::string::npos, campaign);
    CHECK_MESSAGE(parts.text.find("1 Bean Street") != std::string::npos, campaign);
    CHECK_MESSAGE(parts.html.find("<b>Ann") == std::string::npos, campaign);
  }
}
