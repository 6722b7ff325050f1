#include "report/charts.hpp"

#include <doctest/doctest.h>

#include "report/report_templates.hpp"

using namespace shopkeep::report;
namespace mustache = kainjow::mustache;

namespace {

size_t list_size(const mustache::data& d, const char* key) {
  const auto* l = d.get(key);
  return l && l->is_list() ? l->list_value().size() : 0;
}

std::string text_of(const mustache::data& d, const char* key) {
  const auto* v = d.get(key);
  return v && v->is_string() ? v->string_value() : "";
}

}  // namespace

TEST_CASE("a bar chart has one bar per value, ticks, a legend and its data table") {
  XYChart c;
  c.id = "chart-x";
  c.title = "Orders";
  c.categories = {"w1", "w2", "w3"};
  c.series = {{"Orders", palette::blue, {3.0, std::nullopt, 12.0}, false}};
  auto d = xy_chart(c);
  CHECK(list_size(d, "rects") == 2);  // the missing week has no bar
  CHECK(list_size(d, "y_ticks") >= 2);
  CHECK(list_size(d, "x_ticks") == 3);
  CHECK(list_size(d, "legend") == 1);
  const auto& rows = d.get("table")->get("rows")->list_value();
  CHECK(rows.size() == 3);
  CHECK(text_of(d, "id") == "chart-x");
}

TEST_CASE("stacked bars stack: the top of the second series is the sum") {
  XYChart c;
  c.style = XYChart::Style::stacked_bars;
  c.id = "s";
  c.categories = {"a"};
  c.series = {{"New", palette::sky, {40.0}, false}, {"Returning", palette::vermillion, {60.0}, false}};
  auto d = xy_chart(c);
  const auto& rects = d.get("rects")->list_value();
  REQUIRE(rects.size() == 2);
  double h1 = std::stod(text_of(rects[0], "h")), h2 = std::stod(text_of(rects[1], "h"));
  CHECK(h2 == doctest::Approx(h1 * 1.5).epsilon(0.02));
  // The second bar sits on the first.
  CHECK(std::stod(text_of(rects[1], "y")) + h2 == doctest::Approx(std::stod(text_of(rects[0], "y"))).epsilon(0.01));
}

TEST_CASE("lines break at missing values") {
  XYChart c;
  c.style = XYChart::Style::lines;
  c.id = "l";
  c.categories = {"a", "b", "c", "d"};
  c.series = {{"CSAT", palette::green, {1.0, 2.0, std::nullopt, 3.0}, false}};
  auto d = xy_chart(c);
  CHECK(list_size(d, "lines") == 2);
  CHECK(list_size(d, "dots") == 3);
}

TEST_CASE("heat map shades read in order and keep text readable") {
  CHECK(heat_colour(0) == "#eff3ff");
  CHECK(heat_colour(1) == "#08306b");
  for (double share : {0.0, 0.25, 0.5, 0.7, 0.9}) {
    auto fill = heat_colour(share);
    CHECK_MESSAGE(contrast_ratio(text_colour_on(fill), fill) >= 4.5, fill);  // WCAG AA for the cell labels
  }
  CHECK(contrast_ratio("#000000", "#ffffff") == doctest::Approx(21));
  CHECK(text_colour_on(heat_colour(0.95)) == "#ffffff");
  CHECK(text_colour_on(heat_colour(0.05)) == "#1b1b1b");
  HeatMap h;
  h.id = "h";
  h.rows = {"2026-01", "2026-02"};
  h.columns = {"+1", "+2"};
  h.shares = {{0.2, 0.1}, {0.3, std::nullopt}};
  auto d = heat_map(h);
  CHECK(list_size(d, "rects") == 3);
  CHECK(list_size(d, "legend") == 5);
}

TEST_CASE("interval chart: conclusive results are circles, the others diamonds") {
  IntervalChart c;
  c.id = "u";
  c.rows = {{"cart-recovery", 0.05, 0.01, 0.09, true, ""},
            {"winback", -0.01, -0.05, 0.03, false, ""},
            {"refill", std::nullopt, std::nullopt, std::nullopt, false, ""}};
  auto d = interval_chart(c);
  CHECK(list_size(d, "dots") == 1);
  CHECK(list_size(d, "diamonds") == 1);
  CHECK(list_size(d, "lines") == 2);
  CHECK(list_size(d, "texts") == 1);  // "no comparison yet"
}

TEST_CASE("templates escape what the data says") {
  ReportTemplates t({{"chart", "<title>{{title}}</title>{{> data_table}}"},
                     {"data_table", "<td>{{caption}}</td>"},
                     {"page", ""},
                     {"styles", ""}});
  mustache::data d(mustache::data::type::object);
  d.set("title", "<script>alert(1)</script>");
  d.set("caption", "Tom & \"Jerry\"");
  CHECK(t.render("chart", d) ==
        "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title><td>Tom &amp; &quot;Jerry&quot;</td>");
}
