#pragma once
// A campaign's templates: templates/email/<campaign>/{subject,text,html}.mustache with the shared
// partials of templates/email/partials/ ({{> header}}, {{> footer}}, {{> footer_text}}), rendered
// with kainjow Mustache. --templates DIR overrides file by file: DIR/email/<campaign>/<part>.mustache
// (a copy of the templates folder) or DIR/<campaign>/<part>.mustache (a copy of its email folder),
// and likewise for partials; whatever DIR lacks comes from the default templates
// (core/data_dir.hpp). HTML is escaped in html.mustache ({{x}}), never in subject and text.
// A variable the context lacks is an error naming the template file and the variable.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "email/message.hpp"
#include "email/settings.hpp"

namespace shopkeep::email {

struct RenderedParts {
  std::string subject;  // one line, whitespace collapsed
  std::string text;
  std::string html;
};

class TemplateSet {
 public:
  // Throws a usage error when a file is missing everywhere, does not parse, or names a partial
  // that does not exist.
  static TemplateSet load(const std::string& campaign, const std::optional<std::filesystem::path>& override_dir,
                          const std::optional<std::filesystem::path>& default_root);
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;
  ~TemplateSet();
  // Another instance with the same templates (each thread renders with its own).
  TemplateSet clone() const;

  RenderedParts render(const MessageInput& message, const EmailSettings& settings);
  // The files in use, for messages and --verbose.
  const std::vector<std::filesystem::path>& files() const;

 private:
  struct Impl;
  explicit TemplateSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace shopkeep::email
