#include "report/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "report/scale.hpp"
#include "report/svg_number.hpp"

namespace shopkeep::report {

namespace mustache = kainjow::mustache;
using mustache::data;

namespace {

constexpr double kWidth = 640;

data object() { return data(data::type::object); }
data list() { return data(data::type::list); }
std::string num(double v) { return svg_number(v); }

data line(double x1, double y1, double x2, double y2) {
  data d = object();
  d.set("x1", num(x1));
  d.set("y1", num(y1));
  d.set("x2", num(x2));
  d.set("y2", num(y2));
  return d;
}

data text(double x, double y, const std::string& content, const char* anchor) {
  data d = object();
  d.set("x", num(x));
  d.set("y", num(y));
  d.set("text", content);
  d.set("anchor", anchor);
  return d;
}

data rect(double x, double y, double w, double h, const std::string& fill, const std::string& tip) {
  data d = object();
  d.set("x", num(x));
  d.set("y", num(y));
  d.set("w", num(std::max(w, 0.0)));
  d.set("h", num(std::max(h, 0.0)));
  d.set("fill", fill);
  d.set("tip", tip);
  return d;
}

// The parts every chart has; the lists start empty so a template's sections simply render nothing.
data chart_base(const std::string& id, const std::string& title, const std::string& description, double height) {
  data d = object();
  d.set("id", id);
  d.set("title", title);
  d.set("desc", description);
  d.set("width", num(kWidth));
  d.set("height", num(height));
  for (const char* key : {"gridlines", "axes", "y_ticks", "x_ticks", "rects", "lines", "dots", "diamonds", "texts",
                          "legend", "axis_labels"})
    d.set(key, list());
  return d;
}

// The chart's lists while they are filled (kainjow's data hands out only const access to its
// members); set into the chart's data once complete.
class Parts {
 public:
  void add(const std::string& key, const data& item) {
    auto it = lists_.try_emplace(key, data(data::type::list)).first;
    it->second.push_back(item);
  }
  void into(data& d) const {
    for (const auto& [key, items] : lists_) d.set(key, items);
  }

 private:
  std::map<std::string, data> lists_;
};

// A legend row along the top: a swatch (a square, a line or a shape) and the series' name.
void legend(Parts& parts, const std::vector<std::pair<std::string, std::string>>& entries, const char* swatch) {
  double x = 72;
  for (const auto& [name, colour] : entries) {
    data e = object();
    e.set("x", num(x));
    e.set("y", num(12));
    e.set("tx", num(x + 18));
    e.set("ty", num(22));
    e.set("lx2", num(x + 13));
    e.set("name", name);
    e.set("fill", colour);
    e.set(swatch, true);
    parts.add("legend", e);
    x += 30 + 7.5 * static_cast<double>(name.size());
  }
}

std::string safe(const ValueText& f, double v) { return f ? f(v) : num(v); }

}  // namespace

data xy_chart(const XYChart& c) {
  const double height = 330, left = 76, right = kWidth - 16, top = 40, bottom = height - 58;
  data d = chart_base(c.id, c.title, c.description, height);
  Parts parts;
  size_t n = c.categories.size();
  // The value axis: from 0 (or below, for negative values) to the largest bar or stack.
  double low = 0, high = 0;
  for (size_t i = 0; i < n; ++i) {
    double stack = 0;
    for (const auto& s : c.series) {
      double v = i < s.values.size() && s.values[i] ? *s.values[i] : 0;
      if (c.style == XYChart::Style::stacked_bars)
        stack += v;
      else
        high = std::max(high, v), low = std::min(low, v);
    }
    high = std::max(high, stack);
  }
  auto ticks = nice_ticks(low, high, 5);
  LinearScale y(ticks.front(), ticks.back(), bottom, top);
  for (double t : ticks) {
    parts.add("gridlines", line(left, y(t), right, y(t)));
    parts.add("y_ticks", text(left - 6, y(t) + 4, safe(c.tick_text, t), "end"));
  }
  parts.add("axes", line(left, bottom, right, bottom));
  parts.add("axes", line(left, top, left, bottom));
  double band = n ? (right - left) / static_cast<double>(n) : 0;
  size_t every = std::max<size_t>(1, (n + 7) / 8);  // about eight labels fit under the axis
  for (size_t i = 0; i < n; i += every) {
    double x = left + band * (static_cast<double>(i) + 0.5);
    parts.add("axes", line(x, bottom, x, bottom + 5));
    const auto& label = i < c.category_ticks.size() ? c.category_ticks[i] : c.categories[i];
    parts.add("x_ticks", text(x, bottom + 20, label, "middle"));
  }
  parts.add("axis_labels", text((left + right) / 2, height - 10, c.x_label, "middle"));
  data ylabel = text(16, (top + bottom) / 2, c.y_label, "middle");
  ylabel.set("rotate", "rotate(-90 16 " + num((top + bottom) / 2) + ")");
  parts.add("axis_labels", ylabel);

  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& s : c.series) entries.emplace_back(s.name, s.color);
  legend(parts, entries, c.style == XYChart::Style::lines ? "line_swatch" : "box_swatch");

  if (c.style == XYChart::Style::lines) {
    for (const auto& s : c.series) {
      std::string points;
      auto flush = [&] {
        if (points.empty()) return;
        data l = object();
        l.set("points", points);
        l.set("stroke", s.color);
        l.set("dash", s.dashed ? "6 4" : "none");
        parts.add("lines", l);
        points.clear();
      };
      for (size_t i = 0; i < n; ++i) {
        if (i >= s.values.size() || !s.values[i]) {
          flush();
          continue;
        }
        double x = left + band * (static_cast<double>(i) + 0.5), yy = y(*s.values[i]);
        points += (points.empty() ? "" : " ") + num(x) + "," + num(yy);
        data dot = object();
        dot.set("cx", num(x));
        dot.set("cy", num(yy));
        dot.set("fill", s.color);
        dot.set("tip", c.categories[i] + ": " + s.name + " " + safe(c.value_text, *s.values[i]));
        parts.add("dots", dot);
      }
      flush();
    }
  } else {
    bool stacked = c.style == XYChart::Style::stacked_bars;
    double group = band * 0.8, bar = stacked || c.series.empty() ? group : group / static_cast<double>(c.series.size());
    for (size_t i = 0; i < n; ++i) {
      double base = 0, x0 = left + band * static_cast<double>(i) + band * 0.1;
      for (size_t k = 0; k < c.series.size(); ++k) {
        const auto& s = c.series[k];
        if (i >= s.values.size() || !s.values[i]) continue;
        double v = *s.values[i];
        double from = stacked ? base : 0, to = from + v;
        double x = stacked ? x0 : x0 + bar * static_cast<double>(k);
        parts.add("rects", rect(x, y(std::max(from, to)), bar, std::abs(y(from) - y(to)), s.color,
                                c.categories[i] + ": " + s.name + " " + safe(c.value_text, v)));
        if (stacked) base = to;
      }
    }
  }
  std::vector<std::string> headers{c.x_label};
  for (const auto& s : c.series) headers.push_back(s.name);
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < n; ++i) {
    std::vector<std::string> row{c.categories[i]};
    for (const auto& s : c.series)
      row.push_back(i < s.values.size() && s.values[i] ? safe(c.value_text, *s.values[i]) : "–");
    rows.push_back(std::move(row));
  }
  d.set("table", data_table(c.title, headers, rows));
  parts.into(d);
  d.set("empty", n == 0);
  return d;
}

data bar_list(const BarList& c) {
  const double left = 180, right = kWidth - 90, top = 36, row_height = 28;
  double height = top + row_height * static_cast<double>(std::max<size_t>(c.rows.size(), 1)) + 44;
  double bottom = height - 44;
  data d = chart_base(c.id, c.title, c.description, height);
  Parts parts;
  double high = 0;
  for (const auto& r : c.rows) high = std::max(high, r.value);
  auto ticks = nice_ticks(0, high, 5);
  LinearScale x(0, ticks.back(), left, right);
  for (double t : ticks) {
    parts.add("gridlines", line(x(t), top, x(t), bottom));
    parts.add("x_ticks", text(x(t), bottom + 18, safe(c.value_text, t), "middle"));
  }
  parts.add("axes", line(left, top, left, bottom));
  parts.add("axes", line(left, bottom, right, bottom));
  parts.add("axis_labels", text((left + right) / 2, height - 8, c.value_label, "middle"));
  std::vector<std::pair<std::string, std::string>> entries;
  for (size_t i = 0; i < c.rows.size(); ++i) {
    const auto& r = c.rows[i];
    double y = top + row_height * static_cast<double>(i);
    parts.add("rects", rect(left, y + 5, x(r.value) - left, row_height - 10, r.color,
                            r.label + ": " + safe(c.value_text, r.value)));
    parts.add("y_ticks", text(left - 8, y + row_height / 2 + 5, r.label, "end"));
    parts.add("texts", text(x(r.value) + 6, y + row_height / 2 + 5, safe(c.value_text, r.value), "start"));
    if (std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.second == r.color; }) ==
        entries.end())
      entries.emplace_back(c.value_label, r.color);
  }
  if (entries.size() == 1) legend(parts, entries, "box_swatch");
  std::vector<std::string> headers{"", c.value_label};
  if (!c.note_label.empty()) headers.push_back(c.note_label);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : c.rows) {
    std::vector<std::string> row{r.label, safe(c.value_text, r.value)};
    if (!c.note_label.empty()) row.push_back(r.note);
    rows.push_back(std::move(row));
  }
  d.set("table", data_table(c.title, headers, rows));
  parts.into(d);
  d.set("empty", c.rows.empty());
  return d;
}

std::string heat_colour(double share) {
  // Five steps of one hue (ColorBrewer Blues), so order reads without telling hues apart.
  static const char* steps[] = {"#eff3ff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"};
  int k = static_cast<int>(std::floor(std::clamp(share, 0.0, 1.0) * 5));
  return steps[std::min(k, 4)];
}

double contrast_ratio(const std::string& a, const std::string& b) {
  auto luminance = [](const std::string& hex) {
    double channels[3];
    for (int i = 0; i < 3; ++i) {
      double v = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
      channels[i] = v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  };
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string text_colour_on(const std::string& fill) {
  return fill == "#2171b5" || fill == "#08306b" ? "#ffffff" : "#1b1b1b";
}

data heat_map(const HeatMap& c) {
  const double left = 150, right = kWidth - 12, top = 56, row_height = 24;
  size_t columns = c.columns.size();
  double height = top + row_height * static_cast<double>(std::max<size_t>(c.rows.size(), 1)) + 44;
  double bottom = height - 44;
  data d = chart_base(c.id, c.title, c.description, height);
  Parts parts;
  double cell = columns ? (right - left) / static_cast<double>(columns) : 0;
  for (size_t j = 0; j < columns; ++j)
    parts.add("x_ticks", text(left + cell * (static_cast<double>(j) + 0.5), top - 6, c.columns[j], "middle"));
  for (size_t i = 0; i < c.rows.size(); ++i) {
    double y = top + row_height * static_cast<double>(i);
    std::string label = c.rows[i] + (i < c.row_notes.size() ? " (" + c.row_notes[i] + ")" : "");
    parts.add("y_ticks", text(left - 6, y + row_height / 2 + 4, label, "end"));
    for (size_t j = 0; j < columns && j < c.shares[i].size(); ++j) {
      if (!c.shares[i][j]) continue;
      double share = *c.shares[i][j];
      std::string fill = heat_colour(share), shown = fmt::format("{:.0f}%", share * 100);
      parts.add("rects", rect(left + cell * static_cast<double>(j) + 1, y + 1, cell - 2, row_height - 2, fill,
                              c.rows[i] + ", " + c.columns[j] + ": " + shown));
      data t = text(left + cell * (static_cast<double>(j) + 0.5), y + row_height / 2 + 4, shown, "middle");
      t.set("fill", text_colour_on(fill));
      t.set("small", true);
      parts.add("texts", t);
    }
  }
  parts.add("axis_labels", text((left + right) / 2, top - 24, c.column_label, "middle"));
  parts.add("axis_labels", text(8, top - 6, c.row_label, "start"));
  // The legend: the five shades with the range each stands for.
  double x = left;
  for (int k = 0; k < 5; ++k) {
    data e = object();
    e.set("x", num(x));
    e.set("y", num(bottom + 16));
    e.set("tx", num(x + 18));
    e.set("ty", num(bottom + 26));
    e.set("name", fmt::format("{}–{}%", k * 20, k * 20 + 20));
    e.set("fill", heat_colour(k * 0.2 + 0.1));
    e.set("box_swatch", true);
    parts.add("legend", e);
    x += 84;
  }
  std::vector<std::string> headers{c.row_label};
  for (const auto& col : c.columns) headers.push_back(col);
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < c.rows.size(); ++i) {
    std::vector<std::string> row{c.rows[i] + (i < c.row_notes.size() ? " (" + c.row_notes[i] + ")" : "")};
    for (size_t j = 0; j < columns; ++j)
      row.push_back(j < c.shares[i].size() && c.shares[i][j] ? fmt::format("{:.1f}%", *c.shares[i][j] * 100) : "");
    rows.push_back(std::move(row));
  }
  d.set("table", data_table(c.title, headers, rows));
  parts.into(d);
  d.set("empty", c.rows.empty());
  return d;
}

data interval_chart(const IntervalChart& c) {
  const double left = 180, right = kWidth - 48, top = 40, row_height = 34;
  double height = top + row_height * static_cast<double>(std::max<size_t>(c.rows.size(), 1)) + 48;
  double bottom = height - 48;
  data d = chart_base(c.id, c.title, c.description, height);
  Parts parts;
  double low = 0, high = 0;
  for (const auto& r : c.rows)
    for (const auto& v : {r.estimate, r.low, r.high})
      if (v) low = std::min(low, *v), high = std::max(high, *v);
  auto ticks = nice_ticks(low, high, 5);
  LinearScale x(ticks.front(), ticks.back(), left, right);
  for (double t : ticks) {
    parts.add("gridlines", line(x(t), top, x(t), bottom));
    parts.add("x_ticks", text(x(t), bottom + 18, safe(c.value_text, t), "middle"));
  }
  parts.add("axes", line(left, bottom, right, bottom));
  data zero = line(x(0), top - 4, x(0), bottom);
  parts.add("axes", zero);
  parts.add("axis_labels", text((left + right) / 2, height - 10, c.value_label, "middle"));
  legend(parts, {{"conclusive (p < 0.05)", palette::blue}, {"not conclusive", palette::orange}}, "shape_swatch");
  for (size_t i = 0; i < c.rows.size(); ++i) {
    const auto& r = c.rows[i];
    double y = top + row_height * (static_cast<double>(i) + 0.5);
    parts.add("y_ticks", text(left - 8, y + 5, r.label, "end"));
    const char* colour = r.conclusive ? palette::blue : palette::orange;
    if (r.low && r.high) {
      data l = object();
      l.set("points", num(x(*r.low)) + "," + num(y) + " " + num(x(*r.high)) + "," + num(y));
      l.set("stroke", colour);
      l.set("dash", "none");
      parts.add("lines", l);
      parts.add("axes", line(x(*r.low), y - 6, x(*r.low), y + 6));
      parts.add("axes", line(x(*r.high), y - 6, x(*r.high), y + 6));
    }
    if (!r.estimate) {
      parts.add("texts", text(left + 8, y + 5, "no comparison yet", "start"));
      continue;
    }
    std::string tip =
        r.label + ": " + safe(c.value_text, *r.estimate) +
        (r.low && r.high ? " (95% CI " + safe(c.value_text, *r.low) + " to " + safe(c.value_text, *r.high) + ")" : "");
    data mark = object();
    mark.set("cx", num(x(*r.estimate)));
    mark.set("cy", num(y));
    mark.set("fill", colour);
    mark.set("tip", tip);
    // Conclusive results are circles, the others diamonds: the shape says it without the colour.
    if (r.conclusive)
      parts.add("dots", mark);
    else {
      double cx = x(*r.estimate);
      mark.set("points", num(cx) + "," + num(y - 7) + " " + num(cx + 7) + "," + num(y) + " " + num(cx) + "," +
                             num(y + 7) + " " + num(cx - 7) + "," + num(y));
      parts.add("diamonds", mark);
    }
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : c.rows)
    rows.push_back({r.label, r.estimate ? safe(c.value_text, *r.estimate) : "–",
                    r.low ? safe(c.value_text, *r.low) : "–", r.high ? safe(c.value_text, *r.high) : "–",
                    r.conclusive ? "yes" : "no", r.note});
  d.set("table", data_table(c.title, {"", c.value_label, "95% CI low", "95% CI high", "conclusive", "groups"}, rows));
  parts.into(d);
  d.set("empty", c.rows.empty());
  return d;
}

data data_table(const std::string& caption, const std::vector<std::string>& headers,
                const std::vector<std::vector<std::string>>& rows) {
  data t = object();
  t.set("caption", caption);
  data h = list();
  for (const auto& name : headers) h.push_back(data("text", name));
  t.set("headers", h);
  data r = list();
  for (const auto& row : rows) {
    data cells = list();
    for (size_t i = 0; i < row.size(); ++i) {
      data cell("text", row[i]);
      cell.set("numeric",
               i > 0 && !row[i].empty() &&
                   (std::isdigit(static_cast<unsigned char>(row[i][0])) || row[i][0] == '-' || row[i][0] == '+'));
      cells.push_back(cell);
    }
    r.push_back(data("cells", cells));
  }
  t.set("rows", r);
  return t;
}

}  // namespace shopkeep::report
