#pragma once
// The report's Mustache templates: templates/report/{page,chart,data_table,styles}.mustache.
// `--templates DIR` overrides them file by file: DIR/report/<name>.mustache (a copy of the whole
// templates folder) or DIR/<name>.mustache (a copy of its report folder); whatever DIR lacks comes
// from the default templates installed beside the binary (core/data_dirs.hpp). Values are HTML
// escaped ({{x}}); only the report's own rendered charts and styles are inserted raw ({{{x}}}).
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace shopkeep::report {

class ReportTemplates {
 public:
  // Usage error when a template is missing everywhere or does not parse (naming the file).
  static ReportTemplates load(const std::optional<std::filesystem::path>& override_dir,
                              const std::optional<std::filesystem::path>& default_root);
  // From texts (tests): name -> template text.
  explicit ReportTemplates(std::map<std::string, std::string> texts);

  // Renders template `name` with `context`; the other templates are its partials ({{> chart}}).
  std::string render(const std::string& name, const kainjow::mustache::data& context) const;

  static const std::vector<std::string>& names();

 private:
  std::map<std::string, std::string> texts_;
};

}  // namespace shopkeep::report
