#include "report/report_templates.hpp"

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace shopkeep::report {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

const std::vector<std::string>& ReportTemplates::names() {
  static const std::vector<std::string> all = {"page", "chart", "data_table", "styles"};
  return all;
}

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error("cannot read template " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path find_template(const std::string& name, const std::optional<fs::path>& override_dir,
                       const std::optional<fs::path>& default_root) {
  std::vector<fs::path> tried;
  std::string file = name + ".mustache";
  if (override_dir)
    for (const auto& p : {*override_dir / "report" / file, *override_dir / file}) {
      tried.push_back(p);
      if (fs::is_regular_file(p)) return p;
    }
  if (default_root) {
    auto p = *default_root / "report" / file;
    tried.push_back(p);
    if (fs::is_regular_file(p)) return p;
  }
  std::string where;
  for (const auto& p : tried) where += (where.empty() ? "" : ", ") + p.string();
  throw usage_error("no report template " + file + (where.empty() ? "" : " (looked for " + where + ")"),
                    default_root ? "give --templates DIR with report/" + file
                                 : "no default templates were found beside the binary: give --templates DIR");
}

}  // namespace

ReportTemplates ReportTemplates::load(const std::optional<fs::path>& override_dir,
                                      const std::optional<fs::path>& default_root) {
  if (override_dir && !fs::is_directory(*override_dir))
    throw usage_error("--templates: " + override_dir->string() + " is not a folder");
  std::map<std::string, std::string> texts;
  for (const auto& name : names()) {
    auto path = find_template(name, override_dir, default_root);
    auto text = read_text(path);
    mustache::mustache check(text);
    if (!check.is_valid()) throw usage_error("template " + path.string() + ": " + check.error_message());
    texts[name] = std::move(text);
  }
  return ReportTemplates(std::move(texts));
}

ReportTemplates::ReportTemplates(std::map<std::string, std::string> texts) : texts_(std::move(texts)) {}

std::string ReportTemplates::render(const std::string& name, const mustache::data& context) const {
  auto found = texts_.find(name);
  if (found == texts_.end()) throw usage_error("no report template " + name + ".mustache");
  mustache::data with_partials = context;
  for (const auto& [partial, text] : texts_)
    if (partial != name) with_partials.set(partial, mustache::partial([t = text] { return t; }));
  mustache::mustache tmpl(found->second);
  std::string out = tmpl.render(with_partials);
  if (!tmpl.is_valid()) throw usage_error("template " + name + ".mustache: " + tmpl.error_message());
  return out;
}

}  // namespace shopkeep::report
